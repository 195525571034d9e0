package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;
import io.scenescore.media.PcmCommands;
import io.scenescore.timeline.SceneSpan;
import io.scenescore.timeline.TimelinePictures;

/** What a timeline picture is drawn from: spans, sources, the video's lane, sizes, refusals, its ETag; the PCM's rate. */
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
        assertThat(sketch.videoMixed()).isFalse();
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
        merged.put("merged_mix", "duck");
        merged.put("source_content", 12345L);
        merged.put("source_seconds", 7.2);
        TimelinePictures.Sketch withVideo = pictures.plan(merged, JOB, size);
        assertThat(withVideo.videoMixed()).isTrue();
        assertThat(withVideo.videoSeconds()).isEqualTo(7.2);
        assertThat(withVideo.axisSeconds()).isEqualTo(7.2);
        assertThat(withVideo.etag()).isNotEqualTo(etag);
        merged.put("merged_mix", "blend");
        assertThat(pictures.plan(merged, JOB, size).etag()).isNotIn(etag, withVideo.etag());
        assertThat(pictures.plan(row(), JOB, new TimelinePictures.Size(800, 400)).etag()).isNotEqualTo(etag);
    }

    @Test
    void theVideosSoundIsALaneOnlyWhenItWasMixedUnderTheMusic() throws Exception {
        TimelinePictures pictures = new TimelinePictures(work);
        TimelinePictures.Size size = new TimelinePictures.Size(1600, 400);
        Map<String, Object> merged = row();
        merged.put("merged_etag", "m1");
        merged.put("source_content", 12345L);
        merged.put("source_seconds", 7.2);
        for (String mix : new String[] {"duck", "blend"}) {
            merged.put("merged_mix", mix);
            assertThat(pictures.plan(merged, JOB, size).videoMixed()).as(mix).isTrue();
        }
        // replace (asked for, or a video without sound), and videos merged before there was a mix: the music alone
        for (String mix : new String[] {"replace", null}) {
            merged.put("merged_mix", mix);
            TimelinePictures.Sketch sketch = pictures.plan(merged, JOB, size);
            assertThat(sketch.videoMixed()).as(mix).isFalse();
            assertThat(sketch.axisSeconds()).isEqualTo(7.0);
        }
        // no merged video
        merged.put("merged_mix", "duck");
        merged.put("merged_etag", null);
        assertThat(pictures.plan(merged, JOB, size).videoMixed()).isFalse();
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
}
