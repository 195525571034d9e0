package io.scenescore;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

import io.scenescore.video.PublicAddressGuard;
import io.scenescore.video.VideoArrivals;
import io.scenescore.video.VideoChecks;
import io.scenescore.video.VideoFetcher;
import io.scenescore.video.VideoFiles;

/** Videos (routes/video.camel.yaml): arrival (upload, fetch from video_url), checks and storage. */
public class VideoConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject("scenescore.video.max-bytes")
    private long videoLimit;
    @PropertyInject("scenescore.allow-private-urls")
    private boolean allowPrivateUrls;
    @PropertyInject("scenescore.video.fetch-timeout-ms")
    private long fetchTimeoutMs;
    @PropertyInject("scenescore.video.max-redirects")
    private int maxRedirects;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Path data = Wiring.dataDir(dataDir);
        VideoFetcher fetcher = new VideoFetcher(new PublicAddressGuard(allowPrivateUrls), videoLimit, maxRedirects,
                Duration.ofMillis(fetchTimeoutMs), data.resolve("incoming"));
        camelContext.addService(fetcher, true, true);
        Registry registry = camelContext.getRegistry();
        registry.bind("videoArrivals", new VideoArrivals(videoLimit, fetcher));
        registry.bind("videoFiles", new VideoFiles(data.resolve("work")));
        registry.bind("videoChecks", new VideoChecks());
    }
}
