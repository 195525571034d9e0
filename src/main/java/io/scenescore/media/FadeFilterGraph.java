package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classic join: each piece fades out at its end and the next fades in at its start, then all are
 * concatenated, so the soundtrack lasts exactly the sum of the pieces. No fade at the very start or end.
 */
public final class FadeFilterGraph {

    /** The filter graph for pieces of the given lengths, with a fade of {@code fade} seconds at each join. */
    public static String graph(List<Double> durations, double fade) {
        StringBuilder graph = new StringBuilder();
        int n = durations.size();
        for (int i = 0; i < n; i++) {
            List<String> filters = new ArrayList<>();
            if (fade > 0 && i > 0) {
                filters.add(String.format(Locale.ROOT, "afade=t=in:st=0:d=%.6f", fade));
            }
            if (fade > 0 && i < n - 1) {
                filters.add(String.format(Locale.ROOT, "afade=t=out:st=%.6f:d=%.6f", durations.get(i) - fade, fade));
            }
            if (filters.isEmpty()) {
                filters.add("anull");
            }
            graph.append('[').append(i).append(":a]").append(String.join(",", filters)).append("[p").append(i).append("];");
        }
        for (int i = 0; i < n; i++) {
            graph.append("[p").append(i).append(']');
        }
        graph.append("concat=n=").append(n).append(":v=0:a=1[joined]");
        return graph.toString();
    }

    /** FFmpeg arguments joining {@code pieces} into an uncompressed WAV at {@code out}. */
    public List<String> joinCommand(List<Path> pieces, List<Double> durations, double fade, Path out) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        for (Path piece : pieces) {
            args.add("-i");
            args.add(piece.toString());
        }
        args.addAll(List.of("-filter_complex", graph(durations, fade), "-map", "[joined]",
                "-c:a", "pcm_s16le", out.toString()));
        return args;
    }

    /** FFmpeg arguments encoding the joined WAV into the deliverable format. */
    public List<String> encodeCommand(Path joinedWav, String format, Path out) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-i", joinedWav.toString()));
        if ("wav".equals(format)) {
            args.addAll(List.of("-c:a", "pcm_s16le"));
        } else {
            args.addAll(List.of("-c:a", "libmp3lame", "-b:a", "192k"));
        }
        args.add(out.toString());
        return args;
    }
}
