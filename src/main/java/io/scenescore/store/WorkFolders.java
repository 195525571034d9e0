package io.scenescore.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A job's work folder, removed with the job: the copies of its stored media made for downloads, the outbox, the
 * timeline and merges (named for their content), and, while a run of the job goes on, the run's own folder.
 */
public final class WorkFolders {

    private final Path workDirectory;

    public WorkFolders(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** Removes the job's work folder, if this instance has one; {@code jobId} is checked to be a UUID first. */
    public void delete(String jobId) throws IOException {
        deleteTree(workDirectory.resolve(UUID.fromString(jobId).toString()));
    }

    /** Removes {@code folder} with all it holds, if it is there; what goes meanwhile is no failure. */
    public static void deleteTree(Path folder) throws IOException {
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

    /** What a trim of the copies removed (files, bytes) and what it left (bytes). */
    public record Trimmed(int files, long bytes, long left) {

        public long megabytes() {
            return bytes / 1_000_000;
        }

        public long leftMegabytes() {
            return left / 1_000_000;
        }
    }

    /**
     * Keeps the copies in the jobs' work folders (the files directly in a job's folder: stored media exported for
     * downloads, the outbox, timelines and merges, named for their content, made again from PostgreSQL when needed)
     * under {@code maxMegabytes} all together, the least recently used first out (their time is set again each
     * time one is used). A copy used within the last {@code inUseMs} stays whatever the total: it may be about to
     * be read. A run's own folder (and any other folder in a job's) is not a copy.
     */
    public Trimmed trimCopies(long maxMegabytes, long inUseMs) throws IOException {
        record Copy(Path file, long size, long used) {
        }
        List<Copy> copies = new ArrayList<>();
        if (Files.isDirectory(workDirectory)) {
            try (DirectoryStream<Path> jobs = Files.newDirectoryStream(workDirectory, Files::isDirectory)) {
                for (Path job : jobs) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(job)) {
                        for (Path file : files) {
                            try {
                                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                                if (a.isRegularFile()) {
                                    copies.add(new Copy(file, a.size(), a.lastModifiedTime().toMillis()));
                                }
                            } catch (NoSuchFileException e) {
                                // gone meanwhile
                            }
                        }
                    } catch (NoSuchFileException e) {
                        // the job deleted meanwhile
                    }
                }
            }
        }
        long total = copies.stream().mapToLong(Copy::size).sum();
        long max = maxMegabytes * 1_000_000;
        long inUseSince = System.currentTimeMillis() - inUseMs;
        copies.sort(Comparator.comparingLong(Copy::used));
        int removed = 0;
        long freed = 0;
        for (Copy copy : copies) {
            if (total - freed <= max || copy.used() >= inUseSince) {
                break;
            }
            deleteIfThere(copy.file());
            removed++;
            freed += copy.size();
        }
        return new Trimmed(removed, freed, total - freed);
    }

    /** Marks a copy as used now, for {@link #trimCopies}; false when it is not there (any more). */
    public static boolean used(Path copy) {
        try {
            Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfThere(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
    }
}
