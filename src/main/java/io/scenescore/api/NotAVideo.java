package io.scenescore.api;

import java.util.List;

/** 422: what came in as the job's video is not one; names the field it came in and the file or URL. */
public class NotAVideo extends ApiProblem {

    public NotAVideo(String field, String what, String why) {
        super(422, "Not a video", field + ": " + describe(what) + " is not a usable video: " + why,
                List.of(new FieldError(field, describe(what) + " is not a usable video: " + why)));
    }

    private static String describe(String what) {
        return what == null || what.isBlank() ? "the file" : "\"" + what + "\"";
    }
}
