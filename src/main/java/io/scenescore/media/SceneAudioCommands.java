package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The FFmpeg run that turns what a music source made into a scene's stored segment when {@link PcmSceneFit} cannot
 * (pieces that are not 16-bit PCM WAVs of one format): the pieces, each with its repeated window cut off, played in
 * turn, then cut or padded to exactly the scene's length, as a 16-bit PCM WAV, 44.1 kHz stereo.
 */
public final class SceneAudioCommands {

    public static final int SAMPLE_RATE = 44100;
    private static final String FORMAT = "aresample=" + SAMPLE_RATE + ",aformat=sample_fmts=s16:channel_layouts=stereo";

    /** {@code raw} cut or padded to exactly {@code seconds}, at {@code out}. */
    public List<String> fit(RawAudio raw, double seconds, Path out) {
        long samples = samples(seconds);
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        StringBuilder graph = new StringBuilder();
        if (raw.pieces().isEmpty()) {
            args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=" + SAMPLE_RATE + ":cl=stereo"));
            graph.append("[0:a]").append(FORMAT).append("[raw];");
        } else {
            for (int i = 0; i < raw.pieces().size(); i++) {
                args.addAll(FfmpegArgs.localInput(raw.pieces().get(i)));
                graph.append('[').append(i).append(":a]");
                if (raw.skipSeconds().get(i) > 0) {
                    graph.append("atrim=start=").append(raw.skipSeconds().get(i)).append(",asetpts=PTS-STARTPTS,");
                }
                graph.append(FORMAT).append("[c").append(i).append("];");
            }
            for (int i = 0; i < raw.pieces().size(); i++) {
                graph.append("[c").append(i).append(']');
            }
            graph.append("concat=n=").append(raw.pieces().size()).append(":v=0:a=1[raw];");
        }
        graph.append("[raw]apad=whole_len=").append(samples).append(",atrim=end_sample=").append(samples).append("[segment]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[segment]", "-c:a", "pcm_s16le", "-f", "wav", out.toString()));
        return args;
    }

    /** The last {@code seconds} of a stored segment as a small mono 32 kHz WAV, for a continuation window. */
    public List<String> window(Path segment, int seconds, Path out) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-sseof", "-" + seconds, "-i", segment.toString(), "-t", String.valueOf(seconds),
                "-ac", "1", "-ar", "32000", "-c:a", "pcm_s16le", out.toString()));
        return args;
    }

    public static long samples(double seconds) {
        return Math.round(seconds * SAMPLE_RATE);
    }
}
