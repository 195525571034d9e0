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
 * A job's work folder, removed with the job: the copies of its stored media made for downloads, the outbox and the
 * timeline (named for their content, a merged video kept by its run), and the folders of what works on the job now
 * (a run's own, a timeline's drawing), each removed when it ends.
 */
public final class WorkFolders {

    private static final String RUN_FOLDER = "run";

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
     * downloads, the outbox and timelines, named for their content, made again from PostgreSQL when needed)
     * under {@code maxMegabytes} all together, the least recently used first out (their time is set again each
     * time one is used). A copy used within the last {@code inUseMs} stays whatever the total: it may be about to
     * be read. A run's own folder, a drawing's (any folder in a job's) holds no copies: what works there is safe.
     */
    public Trimmed trimCopies(long maxMegabytes, long inUseMs) throws IOException {
        record Copy(Path file, long size, long used) {
        }
        List<Copy> copies = new ArrayList<>();
        List<Path> jobFolders = jobFolders();
        for (Path job : jobFolders) {
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
            // a copy used since the walk above is in use
            if (usedSince(copy.file(), inUseSince)) {
                continue;
            }
            deleteIfThere(copy.file());
            removed++;
            freed += copy.size();
        }
        for (Path job : jobFolders) {
            removeIfEmpty(job, inUseSince);
        }
        return new Trimmed(removed, freed, total - freed);
    }

    /**
     * A job's folder left empty (its copies trimmed) goes too, so that the folders do not pile up with the jobs; not
     * one changed lately, since an export may be about to write into the folder it has just made.
     */
    private static void removeIfEmpty(Path folder, long unchangedBefore) {
        try {
            if (Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toMillis() < unchangedBefore) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    if (entries.iterator().hasNext()) {
                        return;
                    }
                }
                Files.delete(folder);
            }
        } catch (IOException e) {
            // not empty any more, or gone: either way nothing to do
        }
    }

    private static boolean usedSince(Path file, long since) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() >= since;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the folders left in the jobs' work folders, at start-up, before this instance works on anything: each
     * is the scratch of something that was going on (a run's own folder, a timeline's drawing, an automatic
     * storyboard's measure) when an instance was killed, or stopped past its shutdown timeout; a run is resumed from
     * what is stored, here or by another instance. Copies (the files) stay. Returns how many were removed.
     */
    public int removeLeftWork() throws IOException {
        int removed = 0;
        for (Path job : jobFolders()) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(job, f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))) {
                for (Path folder : left) {
                    deleteTree(folder);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The jobs' work folders this instance has (none before its first). */
    private List<Path> jobFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(workDirectory)) {
            try (DirectoryStream<Path> jobs = Files.newDirectoryStream(workDirectory, Files::isDirectory)) {
                jobs.forEach(folders::add);
            }
        }
        return folders;
    }

    /** A run's own folder in its job's work folder. */
    public static Path runFolder(Path jobFolder) {
        return jobFolder.resolve(RUN_FOLDER);
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
