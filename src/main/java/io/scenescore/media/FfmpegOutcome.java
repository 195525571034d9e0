package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.camel.component.exec.ExecResult;

/** Reads what an FFmpeg or ffprobe run left: its output, or a failure carrying the tail of its stderr. */
public final class FfmpegOutcome {

    static final int STDERR_TAIL = 2000;

    /** What a finished FFmpeg or ffprobe run printed: its output, and its log (where loudnorm reports). */
    public record Finished(String stdout, String stderr) {
    }

    /** Throws unless the run exited 0 (with the tail of its log); returns what it printed. */
    public Finished finished(ExecResult result) throws IOException {
        String stderr = read(result.getStderr());
        if (result.getExitValue() != 0) {
            String tail = stderr.length() > STDERR_TAIL ? "..." + stderr.substring(stderr.length() - STDERR_TAIL) : stderr;
            String executable = Path.of(result.getCommand().getExecutable()).getFileName().toString();
            throw new MediaToolFailure(executable + " exited with " + result.getExitValue()
                    + (tail.isBlank() ? " (killed or timed out)" : ": " + tail.strip()));
        }
        return new Finished(read(result.getStdout()), stderr);
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
