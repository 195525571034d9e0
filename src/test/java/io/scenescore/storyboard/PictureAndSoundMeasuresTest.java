package io.scenescore.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.media.PictureAndSoundMeasures;
import io.scenescore.media.PictureAndSoundMeasures.Frame;
import io.scenescore.media.PictureAndSoundMeasures.Loudness;

/** Reading what metadata=print and ametadata=print write (as FFmpeg 4.4 and 5 write it). */
class PictureAndSoundMeasuresTest {

    static final String FRAMES = """
            frame:0    pts:512     pts_time:0.04
            lavfi.scene_score=0.000000
            lavfi.signalstats.YMIN=30
            lavfi.signalstats.YAVG=30
            lavfi.signalstats.UAVG=128
            lavfi.signalstats.VAVG=130.5
            lavfi.signalstats.YDIF=0
            frame:1    pts:1024    pts_time:0.08
            lavfi.scene_score=0.917766
            lavfi.signalstats.YAVG=200
            lavfi.signalstats.UAVG=72
            lavfi.signalstats.VAVG=177
            lavfi.signalstats.YDIF=170.25
            """;

    @Test
    void framesAreReadWithTheirTimeFromTheFirstFrame() {
        List<Frame> frames = PictureAndSoundMeasures.frames(FRAMES);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).time()).isZero();
        assertThat(frames.get(0).vAvg()).isEqualTo(130.5);
        assertThat(frames.get(1).time()).isCloseTo(0.04, within(1e-9));
        assertThat(frames.get(1).sceneScore()).isEqualTo(0.917766);
        assertThat(frames.get(1).yAvg()).isEqualTo(200);
        assertThat(frames.get(1).yDif()).isEqualTo(170.25);
    }

    @Test
    void momentaryLoudnessIsReadPerReading() {
        List<Loudness> readings = PictureAndSoundMeasures.loudness("""
                frame:0    pts:0       pts_time:0
                lavfi.r128.M=-120.691
                lavfi.r128.S=-120.691
                frame:1    pts:4800    pts_time:0.1
                lavfi.r128.M=-21.863
                """);

        assertThat(readings).containsExactly(new Loudness(0, -120.691), new Loudness(0.1, -21.863));
        assertThat(PictureAndSoundMeasures.loudness("")).isEmpty();
    }

    @Test
    void featuresOfAStillDarkShotAndABrightBusyOne() {
        List<Frame> frames = List.of(
                new Frame(0, 0, 30, 128, 128, 0), new Frame(0.04, 0, 30, 128, 128, 0), new Frame(0.08, 0, 30, 128, 128, 0),
                new Frame(0.12, 0.9, 200, 72, 177, 150), new Frame(0.16, 0.01, 200, 72, 177, 20), new Frame(0.2, 0.01, 200, 72, 177, 20));
        List<Loudness> quiet = List.of(new Loudness(0.1, -60));

        SceneFeatures dark = SceneFeatures.measure(frames, 0, 3, quiet, true, 0, 0.12);
        SceneFeatures bright = SceneFeatures.measure(frames, 3, 6, List.of(), false, 0.12, 0.24);

        assertThat(dark.motion()).isZero();
        assertThat(dark.brightness()).isCloseTo((30 - 16) / 219.0, within(0.001));
        assertThat(dark.warmth()).isZero();
        assertThat(dark.loudnessLufs()).isEqualTo(-60.0);
        assertThat(MoodWords.mood(dark)).containsExactly("dark", "calm");
        // the cut frame's change (150) is not motion within the shot
        assertThat(bright.motion()).isCloseTo(1 - Math.exp(-20 / 6.0), within(0.001));
        assertThat(bright.warmth()).isCloseTo(105 / 128.0, within(0.001));
        assertThat(bright.loudnessLufs()).isNull();
        assertThat(MoodWords.mood(bright)).containsExactly("bright", "warm", "driving");
        assertThat(MoodWords.energy(bright.energy())).isEqualTo("very high");
        assertThat(MoodWords.energy(dark.energy())).isEqualTo("very low");
    }
}
