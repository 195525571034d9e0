package io.scenescore.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;

/**
 * Answers for the merged video: why there is none, or the file itself, whole or one range, never through the
 * heap. Over HTTP/1 Vert.x sends it from disk with sendFile (zero-copy) and the answer is complete before the
 * route ends. Over HTTP/2 sendFile pipes the file asynchronously and would still be writing when Camel writes
 * the route's answer, so there the route answers with a stream of the range, which Camel pumps without
 * holding a thread.
 */
public final class VideoDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(VideoDownloads.class);
    /** The answer's headers the route sets; sendFile writes the response itself, so they are copied to it. */
    private static final List<String> ANSWER_HEADERS = List.of("ETag", "Cache-Control", "Accept-Ranges", "Content-Type",
            "Content-Disposition", "Content-Range");

    /** The Vert.x response of a request, and the HTTP version it came in. */
    public record Reply(HttpServerResponse response, HttpVersion version) {
    }

    /** The job's merged_videos row when it holds a video; else 404 (no job) or 409 saying why there is none. */
    public Map<String, Object> requireMerged(Map<String, Object> row, String jobId) {
        return requireMerged(row, jobId, null);
    }

    /** As {@link #requireMerged(Map, String)} for version {@code asked} (null: the latest); 404 for no such version. */
    public Map<String, Object> requireMerged(Map<String, Object> row, String jobId, Integer asked) {
        if (row == null) {
            throw new UnknownJob(jobId);
        }
        if (asked != null && row.get("version") == null) {
            throw ConditionalDownload.unknownVersion(jobId, asked, row.get("latest"));
        }
        if (asked != null && row.get("content") == null && row.get("error") == null) {
            throw new NotReady("version " + asked + " of job " + jobId + " has no merged video: its run did not merge one");
        }
        if (row.get("content") != null) {
            return row;
        }
        if (row.get("error") != null) {
            throw new NotReady("merging the video of job " + jobId + " failed: " + row.get("error")
                    + "; the soundtrack is at /api/v3/audio/" + jobId + "/download");
        }
        String status = String.valueOf(row.get("status"));
        if ("queued".equals(status) || "running".equals(status)) {
            throw new NotReady("the run of job " + jobId + " has not merged its video yet (status " + status + ")");
        }
        throw new NotReady("job " + jobId + " has no merged video: run it with audio_params.merge_with_video true");
    }

    /**
     * Where the answer to {@code message}'s request goes, or null when it did not come over HTTP; taken first
     * thing, since later steps (camel-sql's among them) put other messages in its place.
     */
    static Reply replyOf(Message message) {
        HttpMessage request = message.getExchange().getMessage(HttpMessage.class);
        return request == null ? null : new Reply(request.getResponse(), request.getRequest().version());
    }

    /**
     * Sends {@code part} of {@code file} with the answer's {@code headers}: over HTTP/1 at once, returning null;
     * over HTTP/2 returning the stream of it for the route to answer with.
     */
    public InputStream send(Reply reply, Map<String, Object> headers, Path file, ConditionalDownload.Part part) throws IOException {
        if (reply == null) {
            throw new IllegalStateException("a file is sent only in answer to an HTTP request");
        }
        if (reply.version() == HttpVersion.HTTP_2) {
            return range(file, part.start(), part.length());
        }
        HttpServerResponse response = reply.response();
        response.setStatusCode(part.status());
        for (String name : ANSWER_HEADERS) {
            Object value = headers.get(name);
            if (value != null) {
                response.putHeader(name, value.toString());
            }
        }
        response.sendFile(file.toString(), part.start(), part.length())
                .onFailure(e -> LOG.debug("sending {} ended early: {}", file.getFileName(), e.getMessage()));
        return null;
    }

    /**
     * The body of {@code answer}: the bytes of a soundtrack's part, or a video file's part sent as {@link #send}
     * sends it (then null over HTTP/1).
     */
    public Object content(ConditionalDownload.Answer answer, ConditionalDownload.Conditions asked, Map<String, Object> headers)
            throws IOException {
        ConditionalDownload.Download download = answer.download();
        if (download.file() == null) {
            return new ConditionalDownload().slice(download.content(), answer.part());
        }
        return send(asked.reply(), headers, download.file(), answer.part());
    }

    /** {@code length} bytes of {@code file} from {@code start}. */
    static InputStream range(Path file, long start, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(start);
        return new FilterInputStream(Channels.newInputStream(channel)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(count, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
