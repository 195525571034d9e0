package io.scenescore.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.job.InvalidFields;

/** Scenes from frame scores: cuts above the threshold, short shots merged, the most scenes kept, frame-exact lengths. */
class ShotsTest {

    static final double FPS = 25;

    /** Frame times of {@code seconds} at 25 fps, and scores that are 0 but 0.9 at each cut (seconds, on a frame). */
    static double[][] frames(double seconds, double... cutsAndScores) {
        int n = (int) Math.round(seconds * FPS);
        double[] times = new double[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i / FPS;
            scores[i] = 0.003;
        }
        for (int c = 0; c < cutsAndScores.length; c += 2) {
            scores[(int) Math.round(cutsAndScores[c] * FPS)] = cutsAndScores[c + 1];
        }
        return new double[][] {times, scores};
    }

    static List<Double> durations(List<Shots.Span> spans) {
        return spans.stream().map(Shots.Span::seconds).toList();
    }

    @Test
    void cutsAboveTheThresholdStartScenesThatAddUpToTheVideoExactly() {
        double[][] f = frames(12, 3.04, 0.9, 7.52, 0.6, 9.0, 0.05);

        List<Shots.Span> spans = Shots.plan(f[0], f[1], 12.0, 0.25, 2, 200);

        assertThat(durations(spans)).containsExactly(3.04, 4.48, 4.48);
        assertThat(spans.get(1).firstFrame()).isEqualTo(76);
        assertThat(spans.get(2).endFrame()).isEqualTo(300);
        assertThat(spans.stream().mapToDouble(Shots.Span::seconds).sum()).isCloseTo(12.0, within(1e-9));
        // every length is a whole number of frames
        assertThat(spans).allSatisfy(s -> assertThat(s.seconds() * FPS).isCloseTo(Math.rint(s.seconds() * FPS), within(1e-6)));
    }

    @Test
    void theLastSceneEndsAtTheVideosLengthEvenWhenItsLastFrameStartsEarlier() {
        // 30000/1001 fps: frame times are not round numbers
        double fps = 30000 / 1001.0;
        int n = 300;
        double[] times = new double[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i / fps;
        }
        scores[100] = 0.8;
        scores[200] = 0.8;
        double video = n / fps;

        List<Shots.Span> spans = Shots.plan(times, scores, video, 0.25, 2, 200);

        assertThat(spans).hasSize(3);
        assertThat(spans.get(0).seconds()).isCloseTo(100 / fps, within(1e-6));
        assertThat(spans.stream().mapToDouble(Shots.Span::seconds).sum()).isCloseTo(video, within(1e-6));
        assertThat(spans.get(2).end()).isCloseTo(video, within(1e-6));
    }

    @Test
    void aShotShorterThanTheMinimumGoesToTheNeighbourAcrossTheWeakerCut() {
        // shots 4 s, 1 s, 5 s: the 1 s shot's cut at 4 s is weaker than its cut at 5 s, so it joins the first shot
        double[][] f = frames(10, 4.0, 0.4, 5.0, 0.9);

        assertThat(durations(Shots.plan(f[0], f[1], 10, 0.25, 2, 200))).containsExactly(5.0, 5.0);

        // the other way round: the cut at 5 s is the weaker one, it joins the last shot
        double[][] g = frames(10, 4.0, 0.9, 5.0, 0.4);
        assertThat(durations(Shots.plan(g[0], g[1], 10, 0.25, 2, 200))).containsExactly(4.0, 6.0);
    }

    @Test
    void shortShotsAtTheEdgesJoinTheirOnlyNeighbourAndFlickerBecomesOneScene() {
        // a 0.5 s shot first, a burst of cuts every 0.2 s (flashes) in the middle, a 1 s shot last
        double[][] f = frames(12, 0.5, 0.9, 5.0, 0.7, 5.2, 0.7, 5.4, 0.7, 5.6, 0.7, 11.0, 0.9);

        List<Shots.Span> spans = Shots.plan(f[0], f[1], 12, 0.25, 2, 200);

        assertThat(spans).allSatisfy(s -> assertThat(s.seconds()).isGreaterThanOrEqualTo(2));
        assertThat(spans.get(0).start()).isZero();
        assertThat(spans.stream().mapToDouble(Shots.Span::seconds).sum()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void noCutIsOneSceneOfTheWholeVideo() {
        double[][] f = frames(7.4);

        List<Shots.Span> spans = Shots.plan(f[0], f[1], 7.4, 0.25, 2, 200);

        assertThat(durations(spans)).containsExactly(7.4);
    }

    @Test
    void maxScenesKeepsTheStrongestCuts() {
        double[][] f = frames(20, 4.0, 0.5, 8.0, 0.95, 12.0, 0.3, 16.0, 0.8);

        List<Shots.Span> spans = Shots.plan(f[0], f[1], 20, 0.25, 2, 3);

        assertThat(spans).extracting(Shots.Span::start).containsExactly(0.0, 8.0, 16.0);
        assertThat(durations(spans)).containsExactly(8.0, 8.0, 4.0);
        assertThat(durations(Shots.plan(f[0], f[1], 20, 0.25, 2, 1))).containsExactly(20.0);
    }

    @Test
    void aShotLongerThanAStoryboardAllowsIsSplitEvenlyOnFrames() {
        double[][] f = frames(700, 100.0, 0.9);

        List<Shots.Span> spans = Shots.plan(f[0], f[1], 700, 0.25, 2, 200);

        // 100 s, then 600 s in two of 300 s
        assertThat(durations(spans)).containsExactly(100.0, 300.0, 300.0);
        assertThat(spans.stream().mapToDouble(Shots.Span::seconds).sum()).isCloseTo(700, within(1e-9));
    }

    @Test
    void tooFewScenesAllowedForALongVideoIsRefusedNamingMaxScenes() {
        double[][] f = frames(700);

        InvalidFields refused = catchThrowableOfType(InvalidFields.class, () -> Shots.plan(f[0], f[1], 700, 0.25, 2, 2));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("auto_storyboard.max_scenes");
            assertThat(e.message()).contains("at least 3 scenes");
        });
    }
}
