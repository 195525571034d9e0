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
        @JsonProperty("continuity") String continuity) {

    public static final double DEFAULT_FADE = 1.0;

    /** Parameters stored before continuity could be chosen were chained. */
    public AudioParams {
        continuity = continuity == null ? "chain" : continuity;
    }

    public static AudioParams defaults() {
        return new AudioParams(null, DEFAULT_FADE, "fade", "trim", false, "continue_with_silence", "stereo-large", "mp3", null, Loudness.STREAMING, "chain");
    }

    /** These parameters with another fade, e.g. the operator's default (0 to 10 s). */
    public AudioParams withFadeDuration(double seconds) {
        if (!(seconds >= 0 && seconds <= 10)) {
            throw new IllegalArgumentException("a fade must be 0 to 10 seconds, got " + seconds);
        }
        return new AudioParams(prompt, seconds, transition, syncMode, mergeWithVideo, errorStrategy, modelVersion, outputFormat, seed, loudness, continuity);
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
