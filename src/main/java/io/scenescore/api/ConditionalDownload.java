package io.scenescore.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Message;

import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;
import io.scenescore.job.UnknownVersion;

/** HTTP caching and range rules for downloads: If-None-Match against an ETag, and one byte range. */
public final class ConditionalDownload {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** A part of the content to send: whole (status 200) or a range (206). */
    public record Part(int status, long start, long length, String contentRange) {
    }

    /** What is downloaded: a file (the soundtrack, the merged video), or bytes (the timeline's picture). */
    public record Download(String etag, long sizeBytes, String mediaType, String fileName, byte[] content, Path file) {

        /** How a browser shows it: a picture in the page, anything else saved as a file. */
        public String disposition() {
            return mediaType.startsWith("image/") ? "inline" : "attachment";
        }
    }

    /** The answer to a download: 304 (not modified), 200 (whole) or 206 (a range) of what is downloaded. */
    public record Answer(int status, Part part, Download download) {

        public boolean notModified() {
            return status == 304;
        }
    }

    /**
     * What a request asks of a download: its If-None-Match and Range headers (either may be null), and where its
     * answer goes (null when it did not come over HTTP), for a file sent from disk.
     */
    public record Conditions(String ifNoneMatch, String range, VideoDownloads.Reply reply) {

        public Conditions(String ifNoneMatch, String range) {
            this(ifNoneMatch, range, null);
        }
    }

    /**
     * Bound from the headers (a Simple argument would lose the quotes of an ETag); taken first thing, since later
     * steps (camel-sql's among them) put other messages in the place of the HTTP request's.
     */
    public Conditions conditions(@Header("If-None-Match") String ifNoneMatch, @Header("Range") String range, Message message) {
        return new Conditions(ifNoneMatch, range, VideoDownloads.replyOf(message));
    }

    /** A status document as answered to a poller: its ETag, and whether the poller's If-None-Match already has it. */
    public record Revalidated(String etag, boolean notModified, String document) {
    }

    /**
     * The status document with its ETag (a hash of the document: it changes whenever anything in it does), 304 for a
     * poller that sends it back unchanged. Bound from the header: a Simple argument would lose the quotes.
     */
    public Revalidated status(@Header("If-None-Match") String ifNoneMatch, @Body String document) throws java.security.NoSuchAlgorithmException {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String etag = "\"" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"";
        return new Revalidated(etag, notModified(ifNoneMatch, etag), document);
    }

    /** The answer to a request with these conditions; 416 if the range is unsatisfiable. */
    public Answer answer(Download download, Conditions asked) {
        if (notModified(asked.ifNoneMatch(), "\"" + download.etag() + "\"")) {
            return new Answer(304, null, download);
        }
        Part part = part(asked.range(), download.sizeBytes());
        return new Answer(part.status(), part, download);
    }

    /**
     * Checks sql/select-soundtrack.sql's row for the soundtrack of version {@code asked} (null: the latest): 404 no
     * such job or no such version, 409 none ready yet.
     */
    public void requireSoundtrack(Map<String, Object> row, String jobId, Integer asked) {
        if (row == null) {
            throw new UnknownJob(jobId);
        }
        if (row.get("content") == null) {
            if (asked != null) {
                throw unknownVersion(jobId, asked, row.get("latest"));
            }
            throw new NotReady("the soundtrack of job " + jobId + " is not ready (status " + row.get("status") + ")");
        }
    }

    /** The soundtrack of a checked row ({@link #requireSoundtrack}), exported to {@code file}. */
    public Download soundtrack(Map<String, Object> row, String jobId, Path file) {
        String format = String.valueOf(row.get("format"));
        return new Download(String.valueOf(row.get("etag")), ((Number) row.get("size_bytes")).longValue(), mediaType(format),
                "soundtrack-" + jobId + "-v" + row.get("version") + "." + format, null, file);
    }

    /** 404 for a version the job does not have, saying which it has. */
    public static UnknownVersion unknownVersion(String jobId, Integer asked, Object latest) {
        return new UnknownVersion("job " + jobId + " has no version " + asked + (latest == null ? ": no run of it has completed yet"
                : "; its versions are 1 to " + latest));
    }

    /** The job's merged video (its merged_videos row, checked), exported to {@code file}. */
    public Download video(Map<String, Object> row, String jobId, Path file) {
        return new Download(String.valueOf(row.get("etag")), ((Number) row.get("size_bytes")).longValue(), "video/mp4",
                "video-" + jobId + (row.get("version") == null ? "" : "-v" + row.get("version")) + ".mp4", null, file);
    }

    /** The timeline picture of a job, as kept (TimelinePictures draws it once per ETag). */
    public Download timeline(String etag, byte[] png, String jobId) {
        return new Download(etag, png.length, "image/png", "timeline-" + jobId + ".png", png, null);
    }

    public boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    /** The part asked for by {@code range} (null: all) of content of {@code size} bytes; 416 if unsatisfiable. */
    public Part part(String range, long size) {
        if (range == null || range.isBlank()) {
            return new Part(200, 0, size, null);
        }
        Matcher m = RANGE.matcher(range.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            // several ranges or another unit: RFC 9110 allows answering with the whole content
            return new Part(200, 0, size, null);
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = number(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = number(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(number(m.group(2)), size - 1);
        }
        if (start >= size || end < start || size == 0) {
            throw new RangeNotSatisfiable(size);
        }
        return new Part(206, start, end - start + 1, "bytes " + start + "-" + end + "/" + size);
    }

    /** A byte position; one too large for a long is past any end, and clamps like one. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The media type of a soundtrack in {@code format}. */
    public String mediaType(String format) {
        return "wav".equals(format) ? "audio/wav" : "audio/mpeg";
    }

    /** Bytes {@code part} of {@code content}. */
    public byte[] slice(byte[] content, Part part) {
        if (part.status() == 200) {
            return content;
        }
        return Arrays.copyOfRange(content, (int) part.start(), (int) (part.start() + part.length()));
    }

    /** 416, with the size the client may ask within. */
    public static final class RangeNotSatisfiable extends ApiProblem {
        private final long size;

        RangeNotSatisfiable(long size) {
            super(416, "Range not satisfiable", "the content is " + size + " bytes long");
            this.size = size;
        }

        public String contentRange() {
            return "bytes */" + size;
        }
    }
}
