package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a sound to raw low-rate mono PCM (16-bit little-endian, {@link #RATE} samples a second) in a file, for
 * pictures of it: 16 kB a second, read back as a stream, so nothing but its envelope is ever held.
 */
public final class PcmCommands {

    public static final int RATE = 8000;

    /** A soundtrack (a file the service wrote) decoded to {@code pcm}. */
    public List<String> soundtrack(Path soundtrack, Path pcm) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.localInput(soundtrack));
        args.addAll(output(pcm));
        return args;
    }

    /** The first audio stream of a video (its own sound) decoded to {@code pcm}; the video must have one. */
    public List<String> videoSound(Path video, Path pcm) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(output(pcm));
        return args;
    }

    private static List<String> output(Path pcm) {
        return List.of("-map", "0:a:0", "-vn", "-ac", "1", "-ar", String.valueOf(RATE), "-c:a", "pcm_s16le", "-f", "s16le",
                pcm.toString());
    }
}
