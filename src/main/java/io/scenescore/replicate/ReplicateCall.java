package io.scenescore.replicate;

/**
 * One HTTP call the Replicate routes make: method, absolute URI, JSON body (null for none), whether it goes to
 * Replicate's API (with the token; output files are fetched without it: they may be on another host),
 * the Prefer header (null for none), and what it does, in words for errors and logs.
 */
public record ReplicateCall(String method, String uri, String json, boolean toApi, String prefer, String what) {
}
