package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;
import io.scenescore.video.ArrivedVideo;
import io.scenescore.video.PublicAddressGuard;
import io.scenescore.video.VideoFetcher;

/** Fetching video_url: streamed to disk within the limit, redirects followed and checked, private addresses refused. */
class VideoFetcherTest {

    private static final byte[] VIDEO = new byte[300_000];
    private HttpServer server;
    private String base;
    @TempDir
    Path staging;

    static {
        new Random(7).nextBytes(VIDEO);
    }

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/clip.mp4", exchange -> {
            exchange.sendResponseHeaders(200, VIDEO.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(VIDEO);
            }
        });
        // no Content-Length: the size is only found out while streaming
        server.createContext("/streamed.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(VIDEO);
            }
        });
        server.createContext("/missing.mp4", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> redirect(exchange, "/clip.mp4"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/to-other-address", exchange -> redirect(exchange,
                "http://127.0.0.2:" + server.getAddress().getPort() + "/clip.mp4"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private VideoFetcher fetcher(PublicAddressGuard guard, long maxBytes) {
        return new VideoFetcher(guard, maxBytes, 5, Duration.ofSeconds(30), staging);
    }

    @Test
    void aVideoIsStreamedToAFileNamedAfterTheUrl() throws Exception {
        ArrivedVideo video = fetcher(new PublicAddressGuard(true), 1_000_000).fetch(base + "/clip.mp4");

        assertThat(Files.readAllBytes(video.file())).isEqualTo(VIDEO);
        assertThat(video.file()).startsWith(staging);
        assertThat(video.sizeBytes()).isEqualTo(VIDEO.length);
        assertThat(video.fileName()).isEqualTo("clip.mp4");
        assertThat(video.field()).isEqualTo("video_url");
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        ArrivedVideo video = fetcher(new PublicAddressGuard(true), 1_000_000).fetch(base + "/moved");

        assertThat(Files.readAllBytes(video.file())).isEqualTo(VIDEO);
    }

    @Test
    void loopbackIsRefusedByDefault() {
        JobRefused refused = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(false), 1_000_000).fetch(base + "/clip.mp4"));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("video_url");
        assertThat(refused.getMessage()).contains("127.0.0.1").contains("loopback");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstAddress() {
        // 127.0.0.1 counts as public here, 127.0.0.2 does not: the redirect leads from one to the other
        PublicAddressGuard guard = new PublicAddressGuard(address -> address.getHostAddress().equals("127.0.0.1") ? null : "a private address");

        JobRefused refused = catchThrowableOfType(JobRefused.class, () -> fetcher(guard, 1_000_000).fetch(base + "/to-other-address"));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(refused.getMessage()).contains("127.0.0.2").contains("a private address");
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        JobRefused refused = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(true), 1_000_000).fetch(base + "/to-file"));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(refused.getMessage()).contains("http or https").contains("file:///etc/passwd");
    }

    @Test
    void endlessRedirectsStop() {
        JobRefused stopped = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(true), 1_000_000).fetch(base + "/loop"));

        assertThat(Refusals.status(stopped)).isEqualTo(422);
        assertThat(stopped.getMessage()).contains("redirected more than 5 times");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/a.mp4", "gopher://x/", "/relative.mp4", "http:///nohost"}) {
            JobRefused refused = catchThrowableOfType(JobRefused.class,
                    () -> fetcher(new PublicAddressGuard(true), 1_000_000).fetch(url));

            assertThat(Refusals.status(refused)).as(url).isEqualTo(400);
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("video_url");
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIs413() {
        JobRefused tooLarge = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(true), 100_000).fetch(base + "/clip.mp4"));

        assertThat(Refusals.status(tooLarge)).isEqualTo(413);
        assertThat(tooLarge.getMessage()).contains("100000 bytes");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void anUndeclaredSizeOverTheLimitIsCutOffWhileStreaming() {
        JobRefused tooLarge = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(true), 100_000).fetch(base + "/streamed.mp4"));

        assertThat(Refusals.status(tooLarge)).isEqualTo(413);
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void anErrorAnswerIsA422SayingWhat() {
        JobRefused failed = catchThrowableOfType(JobRefused.class,
                () -> fetcher(new PublicAddressGuard(true), 1_000_000).fetch(base + "/missing.mp4"));

        assertThat(Refusals.status(failed)).isEqualTo(422);
        assertThat(failed.getMessage()).contains("HTTP 404");
    }
}
