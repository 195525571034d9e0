package io.scenescore.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scenescore.StartupFailure;

/** The inbox and outbox: as configured, else under the data folder; made absolute and created at start-up. */
public record FileDropFolders(Path inbox, Path outbox) {

    public static FileDropFolders resolve(String inbox, String outbox, Path dataDir) {
        Path in = chosen(inbox, dataDir.resolve("inbox"));
        Path out = chosen(outbox, dataDir.resolve("outbox"));
        if (in.equals(out)) {
            // the outbox's NAME.status.json would be taken as a new job
            throw new StartupFailure("SCENESCORE_INBOX and SCENESCORE_OUTBOX must be different folders, both are " + in);
        }
        FileDropFolders folders = new FileDropFolders(in, out);
        try {
            Files.createDirectories(folders.done());
            Files.createDirectories(folders.error());
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new StartupFailure("cannot create the file-drop folders " + in + " and " + out + ": " + e.getMessage(), e);
        }
        return folders;
    }

    /** Where processed job files go. */
    public Path done() {
        return inbox.resolve(".done");
    }

    /** Where refused job files go, each with NAME.error.json beside it. */
    public Path error() {
        return inbox.resolve(".error");
    }

    private static Path chosen(String configured, Path fallback) {
        Path p = configured == null || configured.isBlank() ? fallback : Path.of(configured.strip());
        return p.toAbsolutePath().normalize();
    }
}
