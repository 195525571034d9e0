package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * FFmpeg commands that turn a scene's raw audio (or nothing, for silence) into its stored segment:
 * FLAC, 44.1 kHz, 16-bit stereo, exactly the scene's length to the sample.
 */
public final class SceneAudioCommands {

    public static final int SAMPLE_RATE = 44100;

    /** Silence of exactly {@code seconds}. */
    public List<String> silence(double seconds, Path out) {
        return fit(List.of("-f", "lavfi", "-i", "anullsrc=r=" + SAMPLE_RATE + ":cl=stereo"), seconds, 0, out);
    }

    /** {@code in} with {@code skipSeconds} cut off its front, then cut or padded to exactly {@code seconds}. */
    public List<String> fit(Path in, double seconds, double skipSeconds, Path out) {
        return fit(List.of("-i", in.toString()), seconds, skipSeconds, out);
    }

    private static List<String> fit(List<String> input, double seconds, double skipSeconds, Path out) {
        long samples = samples(seconds);
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(input);
        String skip = skipSeconds > 0 ? "atrim=start_sample=" + samples(skipSeconds) + ",asetpts=PTS-STARTPTS," : "";
        args.addAll(List.of("-vn", "-af", "aresample=" + SAMPLE_RATE + ",aformat=sample_fmts=s16:channel_layouts=stereo,"
                + skip + "apad=whole_len=" + samples + ",atrim=end_sample=" + samples,
                "-c:a", "flac", out.toString()));
        return args;
    }

    public static long samples(double seconds) {
        return Math.round(seconds * SAMPLE_RATE);
    }
}
