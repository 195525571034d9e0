package io.scenescore.media;

import java.nio.file.Path;
import java.util.List;

/** Asks ffprobe how long a media file lasts. */
public final class DurationProbe {

    public List<String> command(Path file) {
        return List.of("-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", file.toString());
    }

    /** The duration ffprobe printed, in seconds. */
    public double seconds(String ffprobeOutput) {
        try {
            return Double.parseDouble(ffprobeOutput.strip());
        } catch (NumberFormatException e) {
            throw new MediaToolFailure("ffprobe printed no duration: " + ffprobeOutput.strip());
        }
    }
}
