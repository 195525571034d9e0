package io.scenescore.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.TooLarge;
import io.scenescore.job.VideoNotFetched;

/**
 * Fetches a job's video_url to a local file, streaming: never more than a buffer of it in memory, and no more
 * than the size limit on disk. http and https only; redirects are followed here, a few at most, each checked
 * like the first; every address connected to is checked by {@link PublicAddressGuard}.
 */
public final class VideoFetcher extends ServiceSupport {

    static final String FIELD = "video_url";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int BUFFER = 1 << 16;

    private final long maxBytes;
    private final int maxRedirects;
    private final Duration budget;
    private final Path stagingDir;
    private final CloseableHttpClient client;

    public VideoFetcher(PublicAddressGuard guard, long maxBytes, int maxRedirects, Duration budget, Path stagingDir) {
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.budget = budget;
        this.stagingDir = stagingDir;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                // a server that stops sending for this long is given up on
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("SceneScore video fetcher")
                .build();
    }

    /** The video at {@code url}, on local disk (the caller deletes the file when done with it). */
    public ArrivedVideo fetch(String url) throws IOException {
        URI uri = checked(url, url);
        long deadline = System.nanoTime() + budget.toNanos();
        for (int redirects = 0; ; redirects++) {
            try (ClassicHttpResponse answer = client.executeOpen(null, new HttpGet(uri), null)) {
                int code = answer.getCode();
                if (REDIRECTS.contains(code)) {
                    Header location = answer.getFirstHeader("Location");
                    if (location == null) {
                        throw unfetchable(url, "it answered " + code + " without a Location");
                    }
                    if (redirects >= maxRedirects) {
                        throw unfetchable(url, "it redirected more than " + maxRedirects + " times");
                    }
                    uri = checked(resolve(uri, location.getValue(), url), url);
                    continue;
                }
                if (code != 200) {
                    throw unfetchable(url, "it answered HTTP " + code);
                }
                return new ArrivedVideo(download(answer.getEntity(), url, deadline), fileName(uri), -1, FIELD, null).withSize();
            } catch (PublicAddressGuard.Refused e) {
                throw refused(url, e.getMessage());
            } catch (java.net.SocketTimeoutException e) {
                throw unfetchable(url, "it stopped sending");
            } catch (java.net.UnknownHostException e) {
                throw unfetchable(url, "its host " + uri.getHost() + " is unknown");
            } catch (java.net.ConnectException e) {
                throw unfetchable(url, "it cannot be connected to");
            } catch (IOException e) {
                throw unfetchable(url, "the connection failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private Path download(HttpEntity entity, String url, long deadline) throws IOException {
        if (entity == null) {
            throw unfetchable(url, "it answered with no content");
        }
        if (entity.getContentLength() > maxBytes) {
            throw tooLarge(entity.getContentLength());
        }
        Files.createDirectories(stagingDir);
        Path file = stagingDir.resolve(UUID.randomUUID() + ".video");
        try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(-1);
                }
                if (System.nanoTime() > deadline) {
                    throw unfetchable(url, "it took longer than " + budget.toSeconds() + " s");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** The URL as a URI the fetcher may open: absolute, http or https, with a host and no credentials. */
    static URI checked(String url, String asked) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(asked, "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme)) {
            throw invalid(asked, "must be an http or https URL" + (url.equals(asked) ? "" : "; it redirected to " + url));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(asked, "has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(asked, "must not carry credentials");
        }
        return uri;
    }

    private static String resolve(URI base, String location, String asked) {
        try {
            return base.resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unfetchable(asked, "it redirected to an unreadable Location");
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }

    private TooLarge tooLarge(long declared) {
        return new TooLarge(FIELD, "the video " + (declared > 0 ? "is " + declared + " bytes" : "is larger than the limit")
                + "; a video may be at most " + TooLarge.size(maxBytes));
    }

    private static InvalidFields invalid(String url, String message) {
        return new InvalidFields(FIELD, message + ", got \"" + abbreviate(url) + "\"");
    }

    private static InvalidFields refused(String url, String why) {
        return new InvalidFields(FIELD + ": " + abbreviate(url) + " is refused: " + why,
                List.of(new FieldError(FIELD, "is refused: " + why)));
    }

    private static VideoNotFetched unfetchable(String url, String why) {
        return new VideoNotFetched(FIELD + ": " + abbreviate(url) + " could not be fetched: " + why,
                List.of(new FieldError(FIELD, "could not be fetched: " + why)));
    }

    private static String abbreviate(String url) {
        return url.length() > 200 ? url.substring(0, 200) + "..." : url;
    }

    @Override
    protected void doStop() throws Exception {
        client.close();
    }
}
