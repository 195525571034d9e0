package io.scenescore.job;

/** The job exists but its storyboard has no scene with that index. */
public class UnknownScene extends JobRefused {

    public UnknownScene(String detail) {
        super(detail);
    }
}
