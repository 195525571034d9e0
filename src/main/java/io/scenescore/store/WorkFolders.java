package io.scenescore.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/** A job's work folder (its scene segments, exported and merged videos, soundtrack files), removed with the job. */
public final class WorkFolders {

    private final Path workDirectory;

    public WorkFolders(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** Removes the job's work folder, if this instance has one; {@code jobId} is checked to be a UUID first. */
    public void delete(String jobId) throws IOException {
        Path folder = workDirectory.resolve(UUID.fromString(jobId).toString());
        if (!Files.isDirectory(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteIfThere(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                deleteIfThere(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfThere(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
    }
}
