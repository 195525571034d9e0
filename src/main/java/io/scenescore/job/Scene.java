package io.scenescore.job;

/** One scene of a storyboard, as validated: duration in seconds, and the words that shape its music. */
public record Scene(int index, String title, String description, double duration, String musicDescription,
                    String musicStyle, String musicEnergy, String prompt) {
}
