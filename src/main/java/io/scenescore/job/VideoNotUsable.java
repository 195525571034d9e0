package io.scenescore.job;

import java.util.List;

/**
 * A video that is a video, but cannot give what the job asks of it: too short for one scene of a storyboard made
 * from it, say. Names the field it came in and the file or URL.
 */
public class VideoNotUsable extends JobRefused {

    public VideoNotUsable(String field, String what, String why) {
        super(field + ": " + describe(what) + " " + why, List.of(new FieldError(field, describe(what) + " " + why)));
    }

    private static String describe(String what) {
        return what == null || what.isBlank() ? "the video" : "\"" + what + "\"";
    }
}
