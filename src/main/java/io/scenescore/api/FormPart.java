package io.scenescore.api;

import java.nio.file.Path;

/** A file part of a multipart/form-data request, streamed to disk: its part name, file, client's file name, size. */
public record FormPart(String name, Path file, String fileName, long sizeBytes) {
}
