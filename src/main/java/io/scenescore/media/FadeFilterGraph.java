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

    /** What every piece is brought to before the join: the soundtrack's format, 44.1 kHz 16-bit stereo. */
    static final String SOUNDTRACK_FORMAT = "aresample=" + SceneAudioCommands.SAMPLE_RATE
            + ",aformat=sample_fmts=s16:channel_layouts=stereo";

    /** The filter graph for pieces of the given lengths, with a fade of {@code fade} seconds at each join. */
    public static String graph(List<Double> durations, double fade) {
        return graph(durations, fade, FadeFilterGraph::fileInput);
    }

    private static String fileInput(int i) {
        return "[" + i + ":a]";
    }

    /** Input {@code i} after it is brought to the soundtrack's sample format (see {@link #joinCommand}). */
    private static String formattedInput(int i) {
        return "[f" + i + "]";
    }

    private static String graph(List<Double> durations, double fade, java.util.function.IntFunction<String> input) {
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
            graph.append(input.apply(i)).append(String.join(",", filters)).append("[p").append(i).append("];");
        }
        for (int i = 0; i < n; i++) {
            graph.append("[p").append(i).append(']');
        }
        graph.append("concat=n=").append(n).append(":v=0:a=1[joined]");
        return graph.toString();
    }

    /**
     * The crossfade join: each join overlaps the end of one piece and the start of the next by {@code fade}
     * seconds with an equal-power (quarter-sine) crossfade; the pieces must each be made longer by that much.
     */
    public static String crossfadeGraph(int pieces, double fade) {
        return crossfadeGraph(pieces, fade, FadeFilterGraph::fileInput);
    }

    private static String crossfadeGraph(int pieces, double fade, java.util.function.IntFunction<String> input) {
        if (pieces == 1 || fade <= 0) {
            return graph(java.util.Collections.nCopies(pieces, 1.0), 0, input);
        }
        StringBuilder graph = new StringBuilder();
        String previous = input.apply(0);
        for (int i = 1; i < pieces; i++) {
            String out = i == pieces - 1 ? "[joined]" : "[x" + i + "]";
            graph.append(previous).append(input.apply(i))
                    .append(String.format(Locale.ROOT, "acrossfade=d=%.6f:c1=qsin:c2=qsin", fade)).append(out);
            if (i < pieces - 1) {
                graph.append(';');
            }
            previous = out;
        }
        return graph.toString();
    }

    /**
     * FFmpeg arguments joining {@code pieces} with fades or crossfades into an uncompressed WAV (44.1 kHz, 16-bit
     * stereo) at {@code joinedWav}; each piece is first brought to that format (segments are stored at their source's
     * rate). With {@code measureFilter}, the same run also measures the joined audio on a second output (written
     * nowhere), so that the encode can correct it. The run's join when the pieces differ in rate or kind ({@link PcmJoin}
     * joins the others).
     */
    public List<String> joinCommand(List<Path> pieces, List<Double> durations, double fade, String transition,
                                    Path joinedWav, String measureFilter) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        if (measureFilter != null) {
            // the meter prints its summary at info level
            args.addAll(List.of("-loglevel", "info"));
        }
        for (Path piece : pieces) {
            args.addAll(FfmpegArgs.localInput(piece));
        }
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            graph.append(fileInput(i)).append(SOUNDTRACK_FORMAT).append(formattedInput(i)).append(';');
        }
        graph.append("crossfade".equals(transition) ? crossfadeGraph(pieces.size(), fade, FadeFilterGraph::formattedInput)
                : graph(durations, fade, FadeFilterGraph::formattedInput));
        if (measureFilter == null) {
            args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[joined]", "-c:a", "pcm_s16le", joinedWav.toString()));
        } else {
            graph.append(";[joined]asplit=2[wav][measure];[measure]").append(measureFilter).append("[measured]");
            args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[wav]", "-c:a", "pcm_s16le", joinedWav.toString(),
                    "-map", "[measured]", "-f", "null", "-"));
        }
        return args;
    }
}
