package io.scenescore.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the joined soundtrack to the video's exact length, per sync_mode. Whatever the mode, the result is cut or
 * padded with silence to the video's length in samples, so the audio stream lasts as long as the video stream
 * (atempo alone lands near the length, not on it; -shortest would cut at a packet, not a sample).
 * <ul>
 * <li>{@code trim}: the music as it is, cut at the video's end or padded with silence to it;</li>
 * <li>{@code stretch}: time-stretched (pitch kept) to the video's length;</li>
 * <li>{@code compress}: sped up to the video's length when longer than it; padded with silence when shorter.</li>
 * </ul>
 */
public final class SyncFilter {

    public static final List<String> MODES = List.of("trim", "stretch", "compress");

    private SyncFilter() {
    }

    /** The tempo ratio a mode plays music of {@code musicSeconds} at under a video of {@code videoSeconds}. */
    public static double ratio(String mode, double musicSeconds, double videoSeconds) {
        double ratio = musicSeconds / videoSeconds;
        return switch (mode) {
            case "trim" -> 1;
            case "stretch" -> ratio;
            case "compress" -> Math.max(1, ratio);
            default -> throw new IllegalArgumentException("unknown sync_mode " + mode + "; known: " + MODES);
        };
    }

    /** The filter chain (no labels) taking the soundtrack to exactly {@code videoSeconds}. */
    public static String chain(String mode, double musicSeconds, double videoSeconds) {
        if (!(videoSeconds > 0) || !(musicSeconds > 0)) {
            throw new IllegalArgumentException("music and video must both have a length, got " + musicSeconds + " s and " + videoSeconds + " s");
        }
        List<String> filters = new ArrayList<>(AtempoChain.of(ratio(mode, musicSeconds, videoSeconds)));
        long samples = SceneAudioCommands.samples(videoSeconds);
        filters.add("apad=whole_len=" + samples);
        filters.add("atrim=end_sample=" + samples);
        filters.add("asetpts=N/SR/TB");
        return String.join(",", filters);
    }
}
