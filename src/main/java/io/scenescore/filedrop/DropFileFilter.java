package io.scenescore.filedrop;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobRefused;

/**
 * Decides which inbox files the inbox route may take: {@code NAME.json} with a well-formed NAME. A job file whose
 * name is refused is set aside into {@code .error/} under a safe stand-in name, with the reason beside it, here,
 * before Camel sees it: Camel turns a backslash in a name into a separator, so {@code a\..\..\x.json} would be
 * moved (and written beside) outside the folders. A link is set aside too: reading it would read outside them.
 * Hidden files ({@code .NAME.json}, the usual way to write a file before renaming it) and other files (videos) are
 * left alone.
 */
public final class DropFileFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(DropFileFilter.class);

    private final Path errorFolder;
    private final Function<JobRefused, String> problemJson;

    /** @param problemJson writes the problem document of a refusal, as the API would answer it */
    public DropFileFilter(Path errorFolder, Function<JobRefused, String> problemJson) {
        this.errorFolder = errorFolder;
        this.problemJson = problemJson;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        // the file as listed: its raw name, before Camel normalises separators in it
        File raw = file.getFile();
        String name = raw.getName();
        if (file.isDirectory() || !DropNames.isJobFile(name)) {
            return false;
        }
        if (name.startsWith(".") && name.indexOf('\\') < 0) {
            return false;
        }
        if (DropNames.jobName(name) == null) {
            setAside(raw.toPath(), name, DropNames.whyRefused(name));
            return false;
        }
        if (Files.isSymbolicLink(raw.toPath())) {
            // reading it would read whatever it points to, wherever that is
            setAside(raw.toPath(), name, "\"" + name + "\" is a link; a job file must be a plain file in the inbox");
            return false;
        }
        return true;
    }

    private void setAside(Path raw, String name, String reason) {
        try {
            Files.createDirectories(errorFolder);
            String standIn = moveUnderFreeName(raw, DropNames.standIn(name));
            if (standIn == null) {
                return; // another instance set it aside first
            }
            String problem = problemJson.apply(new InvalidFields("file", reason));
            Path temp = Files.createTempFile(errorFolder, ".", ".tmp");
            Files.writeString(temp, problem);
            Files.move(temp, errorFolder.resolve(standIn + ".error.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("inbox file set aside as .error/{}.json: {}", standIn, reason);
        } catch (IOException e) {
            LOG.warn("cannot set aside the inbox file \"{}\" ({}): {}", DropNames.printable(name), reason, e.toString());
        }
    }

    /** Moves the file into .error under the stand-in, or the stand-in numbered when taken; null if it is gone. */
    private String moveUnderFreeName(Path raw, String standIn) throws IOException {
        for (int n = 1; n < 1000; n++) {
            String candidate = n == 1 ? standIn : standIn + "-" + n;
            Path target = errorFolder.resolve(candidate + DropNames.JOB_SUFFIX);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                // a rename within the inbox: atomic, and a second instance finds the file gone
                Files.move(raw, target, StandardCopyOption.ATOMIC_MOVE);
                return candidate;
            } catch (NoSuchFileException e) {
                return null;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: try the next number
            }
        }
        throw new IOException("no free name under .error for " + standIn);
    }
}
