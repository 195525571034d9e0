package io.scenescore.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's joined soundtrack as stored: the deliverable file, its format, exact length, size and ETag. */
public record Soundtrack(Path file, String format, double durationSeconds, long sizeBytes, String etag) {

    /** The deliverable's bytes, as stored. */
    public byte[] audio() throws IOException {
        return Files.readAllBytes(file);
    }
}
