package io.scenescore.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a run makes and joins its music; every field has the contract's default. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AudioParams(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("fade_duration") double fadeDuration,
        @JsonProperty("transition") String transition,
        @JsonProperty("sync_mode") String syncMode,
        @JsonProperty("merge_with_video") boolean mergeWithVideo,
        @JsonProperty("error_strategy") String errorStrategy,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("output_format") String outputFormat,
        @JsonProperty("seed") Long seed,
        @JsonProperty("loudness") Loudness loudness,
        @JsonProperty("mix") String mix,
        @JsonProperty("duck_db") Double duckDb,
        @JsonProperty("music_gain_db") Double musicGainDb,
        @JsonProperty("continuity") String continuity) {

    public static final double DEFAULT_FADE = 1.0;
    /** How far duck lowers the music under the video's own sound, unless the request says otherwise. */
    public static final double DEFAULT_DUCK_DB = 15;
    /** The gain blend puts the music at under the video's own sound, unless the request says otherwise. */
    public static final double DEFAULT_MUSIC_GAIN_DB = -12;

    /** Parameters without the mix fields: the mix is chosen from the video, with the default duck and blend levels. */
    public AudioParams(String prompt, double fadeDuration, String transition, String syncMode, boolean mergeWithVideo,
                       String errorStrategy, String modelVersion, String outputFormat, Long seed, Loudness loudness) {
        this(prompt, fadeDuration, transition, syncMode, mergeWithVideo, errorStrategy, modelVersion, outputFormat, seed, loudness,
                null, DEFAULT_DUCK_DB, DEFAULT_MUSIC_GAIN_DB, "chain");
    }

    /** Parameters stored before continuity could be chosen were chained. */
    public AudioParams {
        continuity = continuity == null ? "chain" : continuity;
    }

    public static AudioParams defaults() {
        return new AudioParams(null, DEFAULT_FADE, "crossfade", "trim", false, "continue_with_silence", "stereo-large", "mp3", null, Loudness.STREAMING);
    }

    /** These parameters with another fade, e.g. the operator's default (0 to 10 s). */
    public AudioParams withFadeDuration(double seconds) {
        if (!(seconds >= 0 && seconds <= 10)) {
            throw new IllegalArgumentException("a fade must be 0 to 10 seconds, got " + seconds);
        }
        return new AudioParams(prompt, seconds, transition, syncMode, mergeWithVideo, errorStrategy, modelVersion, outputFormat, seed, loudness,
                mix, duckDb, musicGainDb, continuity);
    }

    /**
     * The mix laid under a video: the one asked for, else duck when the video has its own sound and replace when it
     * has none. A video without sound always gets replace: there is nothing to duck under or blend with.
     */
    public String mixFor(boolean videoHasSound) {
        if (!videoHasSound) {
            return "replace";
        }
        return mix == null ? "duck" : mix;
    }

    /** How far duck lowers the music (dB); parameters stored before there was a choice get the default. */
    public double duckDecibels() {
        return duckDb == null ? DEFAULT_DUCK_DB : duckDb;
    }

    /** The gain blend puts the music at (dB); parameters stored before there was a choice get the default. */
    public double musicGainDecibels() {
        return musicGainDb == null ? DEFAULT_MUSIC_GAIN_DB : musicGainDb;
    }

    /** The loudness target; parameters stored before there was one get the default (streaming). */
    public Loudness loudnessTarget() {
        return loudness == null ? Loudness.STREAMING : loudness;
    }

    /**
     * A draft: every scene made at once, none continuing another (continuity independent), for previews; a
     * chained run (the default, and parameters stored before there was a choice) continues each scene's piece.
     */
    public boolean independent() {
        return "independent".equals(continuity);
    }

    public boolean halts() {
        return "halt".equals(errorStrategy);
    }
}
