package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audio of a merged video, before it is mastered and encoded: the soundtrack (at its mastered level) fitted to
 * the video per sync_mode, laid under the video's own sound per audio_params.mix, written uncompressed (32-bit float,
 * so a sum over full scale is not clipped before the mastering gain) and measured in the same FFmpeg run.
 * <ul>
 * <li>{@code duck}: the music multiplied by the {@link DuckEnvelope} made from the video's sound, plus that sound as
 * it is;</li>
 * <li>{@code blend}: the music at music_gain_db, plus the video's sound as it is;</li>
 * <li>{@code replace}: the music alone.</li>
 * </ul>
 * The video's sound is only resampled to the soundtrack's rate and laid out as stereo (a mono track on both
 * channels at -3 dB each, which keeps its loudness), and cut or padded to the video's length.
 */
public final class MixCommands {

    public static final List<String> MIXES = List.of("duck", "blend", "replace");

    /** FFmpeg arguments that find where the video's own track has sound (silencedetect's log), writing nothing. */
    public List<String> soundCommand(Path video, double videoSeconds) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-loglevel", "info"));
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(List.of("-map", "0:a:0", "-af", fitted(videoSeconds) + "," + DuckEnvelope.detectFilter(), "-f", "null", "-"));
        return args;
    }

    /**
     * FFmpeg arguments mixing into {@code mixWav} and measuring it (ebur128 on a second output, written nowhere).
     *
     * @param soundtrack   the gain the soundtrack was mastered with: the music enters the mix at its delivered level
     * @param envelope     the duck envelope (mix duck only)
     * @param musicGainDb  the music's gain for mix blend
     */
    public List<String> mixCommand(Path video, Path joinedWav, MasteringGain soundtrack, double musicSeconds, double videoSeconds,
                                   String syncMode, String mix, Path envelope, double musicGainDb, Path mixWav) {
        if (!MIXES.contains(mix)) {
            throw new IllegalArgumentException("unknown mix " + mix + "; known: " + MIXES);
        }
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-loglevel", "info"));
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(FfmpegArgs.localInput(joinedWav));
        StringBuilder graph = new StringBuilder("[1:a]");
        if (soundtrack != null && soundtrack.applies()) {
            graph.append(LoudnessCommands.filter(soundtrack)).append(',');
        }
        // at the soundtrack's rate, whatever the rate the join wrote at
        graph.append("aresample=").append(SceneAudioCommands.SAMPLE_RATE).append(',');
        graph.append(SyncFilter.chain(syncMode, musicSeconds, videoSeconds)).append(",aformat=channel_layouts=stereo");
        switch (mix) {
            case "duck" -> {
                args.addAll(FfmpegArgs.localInput(envelope));
                graph.append("[music];[2:a]aresample=").append(SceneAudioCommands.SAMPLE_RATE).append(",pan=stereo|c0=c0|c1=c0,")
                        .append(fitted(videoSeconds)).append("[envelope];[music][envelope]amultiply[ducked];");
                graph.append(voice(videoSeconds)).append("[voice];[voice][ducked]amix=inputs=2:duration=first:normalize=0[mixed];");
            }
            case "blend" -> {
                graph.append(String.format(Locale.ROOT, ",volume=%.2fdB[music];", musicGainDb));
                graph.append(voice(videoSeconds)).append("[voice];[voice][music]amix=inputs=2:duration=first:normalize=0[mixed];");
            }
            default -> graph.append("[mixed];");
        }
        graph.append("[mixed]asplit=2[wav][measure];[measure]").append(LoudnessCommands.measureFilter()).append("[measured]");
        args.addAll(List.of("-filter_complex", graph.toString(),
                "-map", "[wav]", "-c:a", "pcm_f32le", "file:" + mixWav,
                "-map", "[measured]", "-f", "null", "-"));
        return args;
    }

    /** The video's own track as it is, at the soundtrack's rate, stereo, exactly as long as the video. */
    private static String voice(double videoSeconds) {
        return "[0:a:0]aresample=" + SceneAudioCommands.SAMPLE_RATE + ",aformat=channel_layouts=stereo," + fitted(videoSeconds);
    }

    /** Cut or padded with silence to exactly the video's length, in samples, timestamps from 0. */
    private static String fitted(double videoSeconds) {
        long samples = SceneAudioCommands.samples(videoSeconds);
        return "aresample=" + SceneAudioCommands.SAMPLE_RATE + ",apad=whole_len=" + samples + ",atrim=end_sample=" + samples + ",asetpts=N/SR/TB";
    }
}
