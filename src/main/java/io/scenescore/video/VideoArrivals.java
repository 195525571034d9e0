package io.scenescore.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.apache.camel.Exchange;
import org.apache.camel.component.exec.ExecResult;
import org.apache.camel.support.SynchronizationAdapter;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.TooLarge;
import io.scenescore.media.VideoFacts;
import io.scenescore.media.VideoProbe;

/** A job's video as it arrives with the request: an uploaded part, or fetched from video_url. */
public final class VideoArrivals {

    private final long maxBytes;
    private final VideoFetcher fetcher;
    private final VideoProbe probe = new VideoProbe();

    public VideoArrivals(long maxBytes, VideoFetcher fetcher) {
        this.maxBytes = maxBytes;
        this.fetcher = fetcher;
    }

    /** The job's video: the uploaded (or dropped) part, else the one at its video_url, else none (null). */
    public ArrivedVideo arrive(ArrivedVideo part, String videoUrl, Exchange exchange) throws IOException {
        if (part != null) {
            return upload(part, videoUrl);
        }
        return videoUrl == null ? null : fetch(videoUrl, exchange);
    }

    /** The uploaded video part, within the limit, and the job's only video. */
    public ArrivedVideo upload(ArrivedVideo part, String videoUrl) {
        if (videoUrl != null) {
            throw new InvalidFields("video_url", "give the video as a video part or as video_url, not both");
        }
        if (part.sizeBytes() > maxBytes) {
            throw new TooLarge(part.field(), "the video is " + part.sizeBytes() + " bytes; a video may be at most " + TooLarge.size(maxBytes));
        }
        if (part.sizeBytes() == 0) {
            throw new InvalidFields(part.field(), "the video part is empty");
        }
        return part;
    }

    /** The video at {@code url}, fetched for this request: its file is deleted when the request is done. */
    public ArrivedVideo fetch(String url, Exchange exchange) throws IOException {
        ArrivedVideo video = fetcher.fetch(url);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(video.file());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return video;
    }

    /** {@code video} with the facts ffprobe found ({@code result}); a 4xx naming it when it is not a video. */
    public ArrivedVideo probed(ArrivedVideo video, ExecResult result) throws IOException {
        return video.probed(probe.facts(result, video.field(), video.what()));
    }
}
