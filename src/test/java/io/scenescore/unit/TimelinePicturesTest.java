package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;
import io.scenescore.media.AudioStreams;
import io.scenescore.media.PcmCommands;
import io.scenescore.timeline.SceneSpan;
import io.scenescore.timeline.TimelinePictures;

/** What a timeline picture is drawn from: spans, sources, sizes, refusals, its ETag; and whether a video has sound. */
class TimelinePicturesTest {

    static final String JOB = "3f1c2a9e-0d4b-4c55-9a0e-6b1f2d3c4e5f";
    static final String STORYBOARD = """
            {"scenes": [{"title": "Dawn", "description": "d", "duration": 2.5},
                        {"description": "e", "duration": 3},
                        {"title": "Dusk", "description": "f", "duration": 1.5}]}""";
    static final String SCENE_ROWS = """
            [{"scene_index": 0, "status": "completed", "source": "composer", "duration_seconds": 2.5},
             {"scene_index": 1, "status": "silence", "source": "silence", "duration_seconds": 3.0},
             {"scene_index": 2, "status": "completed", "source": "replicate", "duration_seconds": 1.5}]""";

    @TempDir
    Path work;

    Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("status", "completed");
        row.put("storyboard", STORYBOARD);
        row.put("scene_rows", SCENE_ROWS);
        row.put("soundtrack_etag", "abc123");
        row.put("soundtrack_format", "mp3");
        row.put("soundtrack_seconds", 7.0);
        return row;
    }

    @Test
    void scenesFollowOneAnotherAtTheirLengthsWithTitlesAndSources() throws Exception {
        TimelinePictures.Sketch sketch = new TimelinePictures(work).plan(row(), JOB, new TimelinePictures.Size(1600, 400));

        assertThat(sketch.scenes()).containsExactly(
                new SceneSpan(0, "Dawn", "composer", 0, 2.5),
                new SceneSpan(1, null, "silence", 2.5, 5.5),
                new SceneSpan(2, "Dusk", "replicate", 5.5, 7.0));
        assertThat(sketch.merged()).isFalse();
        assertThat(sketch.png()).isEqualTo(work.resolve(JOB).resolve("timeline-" + sketch.etag() + ".png"));
        assertThat(sketch.drawn()).isFalse();
        assertThat(sketch.caption()).contains("3 scenes").contains("7 s");
    }

    @Test
    void theEtagChangesWithTheSoundtrackTheScenesTheVideoAndTheSize() throws Exception {
        TimelinePictures pictures = new TimelinePictures(work);
        TimelinePictures.Size size = new TimelinePictures.Size(1600, 400);
        String etag = pictures.plan(row(), JOB, size).etag();

        assertThat(pictures.plan(row(), JOB, size).etag()).isEqualTo(etag);
        Map<String, Object> otherSoundtrack = row();
        otherSoundtrack.put("soundtrack_etag", "def456");
        assertThat(pictures.plan(otherSoundtrack, JOB, size).etag()).isNotEqualTo(etag);
        Map<String, Object> otherTitle = row();
        otherTitle.put("storyboard", STORYBOARD.replace("Dusk", "Night"));
        assertThat(pictures.plan(otherTitle, JOB, size).etag()).isNotEqualTo(etag);
        Map<String, Object> merged = row();
        merged.put("merged_etag", "m1");
        merged.put("source_content", 12345L);
        merged.put("source_seconds", 7.2);
        TimelinePictures.Sketch withVideo = pictures.plan(merged, JOB, size);
        assertThat(withVideo.merged()).isTrue();
        assertThat(withVideo.videoSeconds()).isEqualTo(7.2);
        assertThat(withVideo.etag()).isNotEqualTo(etag);
        assertThat(pictures.plan(row(), JOB, new TimelinePictures.Size(800, 400)).etag()).isNotEqualTo(etag);
    }

    @Test
    void noJobIs404AndNoSoundtrackYet409() {
        TimelinePictures pictures = new TimelinePictures(work);
        TimelinePictures.Size size = new TimelinePictures.Size(1600, 400);
        assertThatThrownBy(() -> pictures.plan(null, JOB, size)).isInstanceOf(UnknownJob.class);
        Map<String, Object> running = row();
        running.put("status", "running");
        running.put("soundtrack_etag", null);
        assertThatThrownBy(() -> pictures.plan(running, JOB, size)).isInstanceOf(NotReady.class)
                .hasMessageContaining("not ready").hasMessageContaining("running");
    }

    @Test
    void theSizeIs1600By400UnlessAskedAndWithinBounds() {
        TimelinePictures pictures = new TimelinePictures(work);
        assertThat(pictures.size(null, null)).isEqualTo(new TimelinePictures.Size(1600, 400));
        assertThat(pictures.size("2400", " 600 ")).isEqualTo(new TimelinePictures.Size(2400, 600));
        assertThatThrownBy(() -> pictures.size("12", "lots")).isInstanceOf(InvalidFields.class)
                .hasMessageContaining("width").hasMessageContaining("height").hasMessageContaining("480 to 4000");
    }

    @Test
    void aVideoHasSoundWhenItsProbeListsAnAudioStream() throws Exception {
        AudioStreams streams = new AudioStreams();
        assertThat(streams.present(probe("{\"streams\": [{\"codec_type\": \"video\"}, {\"codec_type\": \"audio\"}]}", ""))).isTrue();
        assertThat(streams.present(probe("{\"streams\": [{\"codec_type\": \"video\"}]}", ""))).isFalse();
        // ffmpeg describing its input where there is no ffprobe
        assertThat(streams.present(probe("", """
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:talk.mp4':
                  Duration: 00:00:06.00, start: 0.000000, bitrate: 120 kb/s
                    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 320x240, 25 fps
                    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, mono, fltp, 69 kb/s
                At least one output file must be specified"""))).isTrue();
        assertThat(streams.present(probe("", """
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:mute.mp4':
                  Duration: 00:00:06.00, start: 0.000000, bitrate: 50 kb/s
                    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 320x240, 25 fps
                At least one output file must be specified"""))).isFalse();
    }

    @Test
    void soundsAreDecodedAt8kHzUnlessTheirPcmWouldPass64MiB() {
        assertThat(PcmCommands.rate(8)).isEqualTo(8000);
        assertThat(PcmCommands.rate(4000)).isEqualTo(8000);
        assertThat(PcmCommands.rate(8000)).isEqualTo(4194);
        assertThat(PcmCommands.rate(60_000)).isEqualTo(1000);
        assertThat(new PcmCommands().soundtrack(Path.of("/w/s.mp3"), 8000, Path.of("/w/m.pcm")))
                .containsSubsequence("-i", "file:/w/s.mp3", "-ac", "1", "-ar", "8000", "-f", "s16le", "/w/m.pcm");
    }

    static ExecResult probe(String stdout, String stderr) {
        return new ExecResult(new ExecCommand("ffprobe", List.of(), null, 60_000L, Set.of(0), null, null, false, null),
                new ByteArrayInputStream(stdout.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), 0);
    }
}
