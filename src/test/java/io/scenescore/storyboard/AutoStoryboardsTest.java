package io.scenescore.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.composer.Feeling;
import io.scenescore.composer.MoodMapper;
import io.scenescore.composer.MoodProfile;
import io.scenescore.job.AutoStoryboard;
import io.scenescore.job.JobRequests;
import io.scenescore.job.JobRequests.JobDraft;
import io.scenescore.job.Scene;
import io.scenescore.media.PictureAndSoundMeasures;
import io.scenescore.media.PictureAndSoundMeasures.Measured;
import io.scenescore.media.PictureAndSoundMeasures.Pass;
import io.scenescore.media.VideoFacts;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.TestVideos;
import io.scenescore.support.TestVideos.Shot;
import io.scenescore.video.ArrivedVideo;

/**
 * A storyboard made from a real video (FFmpeg's pass, the bean's reading, planning and wording): scenes at the cuts,
 * frame-exact, features that tell a dark still shot from a bright busy one, and words the composer follows.
 */
class AutoStoryboardsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JobDraft made;
    static JsonNode storyboard;

    @BeforeAll
    static void makeStoryboard(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.shots(tmp.resolve("cuts.mp4"), 25, true,
                new Shot("color=c=0x141414", 3.0, 0.01),
                new Shot("testsrc2,noise=alls=40:allf=t", 2.6, 0.9),
                new Shot("color=c=0xf0a050", 2.4, 0.2));
        JobDraft job = new JobRequests().readJob("{\"storyboard\": \"auto\"}");
        PictureAndSoundMeasures measures = new PictureAndSoundMeasures();
        Pass pass = measures.pass(video, tmp);
        List<String> command = new ArrayList<>(List.of(MediaProbe.tools().ffmpeg()));
        command.addAll(pass.args());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        Measured measured = measures.read(pass);
        ArrivedVideo arrived = new ArrivedVideo(video, "cuts.mp4", 1, "video", null);
        made = new AutoStoryboards(tmp).make(job, new VideoFacts(MediaProbe.duration(video), 25, 320, 240, "h264", "video/mp4", true), measured, arrived);
        storyboard = JSON.readTree(made.storyboardJson());
    }

    @Test
    void scenesAreCutWhereTheVideoCutsToTheFrameAndAddUpToItsLength() throws Exception {
        assertThat(made.scenes()).extracting(Scene::duration).satisfiesExactly(
                d -> assertThat(d).isCloseTo(3.0, within(0.04)),
                d -> assertThat(d).isCloseTo(2.6, within(0.04)),
                d -> assertThat(d).isCloseTo(2.4, within(0.04)));
        assertThat(made.scenes().stream().mapToDouble(Scene::duration).sum()).isCloseTo(8.0, within(1e-6));
        assertThat(JSON.readTree(made.autoJson()).path("scenes").asInt()).isEqualTo(3);
        assertThat(storyboard.at("/scenes/1/features/start_seconds").asDouble()).isCloseTo(3.0, within(0.04));
    }

    @Test
    void theMadeStoryboardReadsBackAsAnOrdinaryOneSoAnEditorCanSendItAgain() {
        List<io.scenescore.job.FieldError> errors = new ArrayList<>();

        List<Scene> again = io.scenescore.job.StoryboardReader.read(storyboard, "storyboard", errors);

        assertThat(errors).isEmpty();
        assertThat(again).isEqualTo(made.scenes());
    }

    @Test
    void aDarkStillQuietShotAndABrightBusyLoudOneAreMeasuredApart() {
        JsonNode dark = storyboard.at("/scenes/0/features");
        JsonNode busy = storyboard.at("/scenes/1/features");
        JsonNode warm = storyboard.at("/scenes/2/features");

        assertThat(dark.path("brightness").asDouble()).isLessThan(0.1);
        assertThat(warm.path("brightness").asDouble()).isGreaterThan(0.6);
        assertThat(dark.path("motion").asDouble()).isLessThan(0.05);
        assertThat(busy.path("motion").asDouble()).isGreaterThan(0.5);
        assertThat(warm.path("warmth").asDouble()).isGreaterThan(0.3);
        assertThat(dark.path("loudness_lufs").asDouble()).isLessThan(busy.path("loudness_lufs").asDouble() - 20);
        assertThat(storyboard.at("/scenes/0/music_description").asText()).isEqualTo("dark, calm music");
        assertThat(storyboard.at("/scenes/1/music_description").asText()).contains("driving");
        assertThat(storyboard.at("/scenes/2/music_description").asText()).contains("bright", "warm");
        assertThat(storyboard.at("/scenes/0/music_energy").asText()).isIn("very low", "low");
        assertThat(storyboard.at("/scenes/1/music_energy").asText()).isIn("high", "very high");
    }

    @Test
    void theComposerFollowsTheWordsMinorAndSlowForTheDarkStillShotMajorAndFastForTheBusyBrightOne() {
        MoodMapper mapper = new MoodMapper();
        MoodProfile dark = mapper.map(scene(0));
        MoodProfile busy = mapper.map(scene(1));
        MoodProfile bright = mapper.map(scene(2));

        assertThat(dark.minor()).isTrue();
        assertThat(dark.feeling()).isIn(Feeling.CALM, Feeling.MYSTERIOUS);
        assertThat(bright.minor()).isFalse();
        assertThat(busy.energy()).isGreaterThan(dark.energy() + 0.4);
        assertThat(busy.tempoBpm()).isGreaterThan(dark.tempoBpm() + 30);
        // the words and the energy level are what moves it: the same scene without them is the composer's default
        MoodProfile wordless = mapper.map(made.scenes().get(0).title(), null, null, null, null, null);
        assertThat(wordless.minor()).isFalse();
        assertThat(dark.energy()).isLessThan(wordless.energy());
        assertThat(busy.energy()).isGreaterThan(wordless.energy());
    }

    @Test
    void aVideoWithoutACutIsOneScene(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.shots(tmp.resolve("still.mp4"), 25, false, new Shot("testsrc2", 4.2, 0));
        PictureAndSoundMeasures measures = new PictureAndSoundMeasures();
        Pass pass = measures.pass(video, tmp);
        List<String> command = new ArrayList<>(List.of(MediaProbe.tools().ffmpeg()));
        command.addAll(pass.args());
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();

        JobDraft one = new AutoStoryboards(tmp).make(new JobRequests().readJob("{}"), new VideoFacts(MediaProbe.duration(video), 25, 320, 240, "h264", "video/mp4", true),
                measures.read(pass), new ArrivedVideo(video, "still.mp4", 1, "video", null));

        assertThat(one.scenes()).singleElement().satisfies(s -> assertThat(s.duration()).isCloseTo(4.2, within(1e-6)));
        assertThat(JSON.readTree(one.storyboardJson()).at("/scenes/0/features/loudness_lufs").isNull()).isTrue();
        assertThat(one.auto()).isEqualTo(AutoStoryboard.defaults());
    }

    private static io.scenescore.composer.ComposerScene scene(int i) {
        Scene s = made.scenes().get(i);
        return new io.scenescore.composer.ComposerScene(i, s.title(), s.description(), s.musicDescription(), s.musicStyle(), s.musicEnergy(), s.prompt());
    }
}
