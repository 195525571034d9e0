package io.scenescore.job;

import java.util.List;

/** What came in as the job's video is not one; names the field it came in and the file or URL. */
public class NotAVideo extends JobRefused {

    public NotAVideo(String field, String what, String why) {
        super(field + ": " + describe(what) + " is not a usable video: " + why,
                List.of(new FieldError(field, describe(what) + " is not a usable video: " + why)));
    }

    private static String describe(String what) {
        return what == null || what.isBlank() ? "the file" : "\"" + what + "\"";
    }
}
