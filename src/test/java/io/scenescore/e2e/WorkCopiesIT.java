package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/**
 * What a run leaves on disk: its own folder goes when it ends; the copies made for downloads are trimmed (here to
 * nothing, as soon as they are not in use) and made again from the database when asked for.
 */
class WorkCopiesIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.work.copies-max-mb", "0",
            "scenescore.work.copies-in-use-ms", "0",
            "scenescore.work.trim-period-ms", "200"));
    static RunningService service;

    @Test
    void aDownloadsCopyTrimmedAwayIsExportedAgainForTheNextDownload() throws Exception {
        String jobId = service.generate(WalkingSkeletonIT.THREE_SCENES);
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
        Path work = service.awaitRunFolderRemoved(jobId);

        HttpResponse<byte[]> first = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());
        assertThat(first.statusCode()).isEqualTo(200);
        await("the download's copy trimmed").atMost(Duration.ofSeconds(15)).until(() -> {
            try (var left = Files.list(work)) {
                return left.findAny().isEmpty();
            }
        });
        HttpResponse<byte[]> again = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).hasSizeGreaterThan(10_000).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }
}
