package io.scenescore.job;

import java.util.List;

/** A body, a part or a fetched video is over its limit; says which limit. */
public class TooLarge extends JobRefused {

    public TooLarge(String field, String detail) {
        super(field == null ? detail : field + ": " + detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    /** "1 GiB", "1 MiB", or bytes: limits as people write them. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
