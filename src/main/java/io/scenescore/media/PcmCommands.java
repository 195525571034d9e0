package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a sound to raw low-rate mono PCM (16-bit little-endian, {@link #RATE} samples a second) in a file, for
 * pictures of it: 16 kB a second, read back as a stream, so nothing but its envelope is ever held. A sound so long
 * that its file would pass {@link #MAX_BYTES} (70 minutes) is decoded at a lower rate, never under {@link #MIN_RATE}.
 */
public final class PcmCommands {

    public static final int RATE = 8000;
    static final int MIN_RATE = 1000;
    static final long MAX_BYTES = 64L << 20;

    /** The sample rate a sound of {@code seconds} is decoded at for a picture. */
    public static int rate(double seconds) {
        long fits = (long) Math.floor(MAX_BYTES / 2.0 / Math.max(seconds, 1));
        return (int) Math.max(MIN_RATE, Math.min(RATE, fits));
    }

    /** A soundtrack (a file the service wrote) decoded to {@code pcm} at {@code rate}. */
    public List<String> soundtrack(Path soundtrack, int rate, Path pcm) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.localInput(soundtrack));
        args.addAll(output(rate, pcm));
        return args;
    }

    /** The first audio stream of a video (its own sound) decoded to {@code pcm} at {@code rate}; the video must have one. */
    public List<String> videoSound(Path video, int rate, Path pcm) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(output(rate, pcm));
        return args;
    }

    private static List<String> output(int rate, Path pcm) {
        return List.of("-map", "0:a:0", "-vn", "-ac", "1", "-ar", String.valueOf(rate), "-c:a", "pcm_s16le", "-f", "s16le",
                pcm.toString());
    }
}
