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
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * What runs leave on disk, with the copies trimmed to nothing as soon as they are 2 s unused (a trim every 200 ms):
 * a run's own folder goes when it ends; a merge and a timeline keep what they work on in folders of their own, out of
 * the trim's reach; the copies go, then the job's folder left empty; a download's copy trimmed away is made again
 * from the database for the next download.
 */
class WorkCopiesIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.provider", "composer",
            "scenescore.work.copies-max-mb", "0",
            "scenescore.work.copies-in-use-ms", "2000",
            "scenescore.work.trim-period-ms", "200"));
    static RunningService service;

    @Test
    void aDownloadsCopyTrimmedAwayIsExportedAgainForTheNextDownload() throws Exception {
        String jobId = service.generate(WalkingSkeletonIT.THREE_SCENES);
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
        Path work = service.awaitRunFolderRemoved(jobId);

        HttpResponse<byte[]> first = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());
        assertThat(first.statusCode()).isEqualTo(200);
        awaitTrimmedAway(work);
        HttpResponse<byte[]> again = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).hasSizeGreaterThan(10_000).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void aMergeAndATimelineWorkOnWhatTheTrimCannotTake(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.mp4WithSpeech(tmp.resolve("talk.mp4"), 6, 25);
        String jobId = VideoApi.createJob(service, "{\"storyboard\": {\"scenes\": [{\"description\": \"calm\", \"duration\": 3},"
                + " {\"description\": \"bright\", \"duration\": 3}]}}", video, "talk.mp4");

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"mix\": \"duck\"}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        Path work = service.awaitRunFolderRemoved(jobId);
        HttpResponse<byte[]> timeline = service.sendForBytes(service.request(status.at("/audio/timeline_url").asText()).GET());
        assertThat(timeline.statusCode()).as(new String(timeline.body())).isEqualTo(200);
        assertThat(VideoApi.downloadVideo(service, jobId, tmp.resolve("merged.mp4")).statusCode()).isEqualTo(200);
        // the drawing's own folder went with it; the picture and the merged video are copies, trimmed in turn, and
        // then the folder left empty
        awaitTrimmedAway(work);
    }

    /** The job's copies trimmed, then its folder, left empty. */
    private static void awaitTrimmedAway(Path work) {
        await("the copies trimmed and the job's folder with them").atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(work));
    }
}
