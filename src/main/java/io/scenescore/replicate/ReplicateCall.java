package io.scenescore.replicate;

import java.nio.file.Path;

/**
 * One HTTP call the Replicate routes make: method, absolute URI, JSON body (null for none), whether it goes to
 * Replicate's API (with the token; output files are fetched without it: they may be on another host),
 * the Prefer header (null for none), what it does, in words for errors and logs, and for a download the file its
 * content is written to (null: the answer is read as bytes).
 */
public record ReplicateCall(String method, String uri, String json, boolean toApi, String prefer, String what, Path saveTo) {

    public ReplicateCall(String method, String uri, String json, boolean toApi, String prefer, String what) {
        this(method, uri, json, toApi, prefer, what, null);
    }
}
