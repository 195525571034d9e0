package io.scenescore.job;

import java.util.List;

/** The job's video_url was allowed but its video could not be fetched (refused, timed out, failed). */
public class VideoNotFetched extends JobRefused {

    public VideoNotFetched(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
