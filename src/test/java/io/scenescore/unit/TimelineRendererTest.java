package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.scenescore.timeline.SceneSpan;
import io.scenescore.timeline.TimelineRenderer;
import io.scenescore.timeline.TimelineRenderer.Picture;
import io.scenescore.timeline.Waveform;

/**
 * The timeline picture from known envelopes and scenes: its size, the boundaries where the scenes' starts fall, the
 * waveform in each scene's source colour where there is sound and nothing where there is none, the video's lane, and
 * text in the band and the ruler.
 */
class TimelineRendererTest {

    static final int W = 1600;
    static final int H = 400;
    static final int AXIS = W - 96 - 16;
    // 4 s composer at half level, 2 s silence, 4 s replicate at full level: 10 s
    static final List<SceneSpan> SCENES = List.of(
            new SceneSpan(0, "Harbour at dawn", "composer", 0, 4),
            new SceneSpan(1, "Fog", "silence", 4, 6),
            new SceneSpan(2, "The storm breaks over the harbour and every boat strains at its rope", "replicate", 6, 10));

    final TimelineRenderer renderer = new TimelineRenderer();

    static Waveform music() {
        float[] min = new float[AXIS];
        float[] max = new float[AXIS];
        for (int c = 0; c < AXIS; c++) {
            double t = (c + 0.5) / AXIS * 10;
            float level = t < 4 ? 0.5f : t < 6 ? 0 : 1f;
            min[c] = -level;
            max[c] = level;
        }
        return new Waveform(min, max);
    }

    /** The video's sound: only between 2 and 3 s, at 0.8. */
    static Waveform video() {
        float[] min = new float[AXIS];
        float[] max = new float[AXIS];
        for (int c = 0; c < AXIS; c++) {
            double t = (c + 0.5) / AXIS * 10;
            if (t > 2 && t < 3) {
                min[c] = -0.8f;
                max[c] = 0.8f;
            }
        }
        return new Waveform(min, max);
    }

    static int x(double seconds) {
        return 96 + (int) Math.floor(seconds / 10 * AXIS);
    }

    BufferedImage render(Waveform video) throws Exception {
        byte[] png = renderer.png(new Picture(W, H, 10, 10, SCENES, music(), video, 10, "job 1234 · 3 scenes · 10 s"));
        Path out = Path.of("target", "timeline-test" + (video == null ? "" : "-video") + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void isAPngOfTheAskedSize() throws Exception {
        BufferedImage image = render(null);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(renderer.png(
                new Picture(800, 240, 10, 10, SCENES, new Waveform(new float[800 - 112], new float[800 - 112]), null, 0, "small"))));
        assertThat(small.getWidth()).isEqualTo(800);
        assertThat(small.getHeight()).isEqualTo(240);
    }

    @Test
    void scenesAreBoundedByWhiteLinesAtTheirStarts() throws Exception {
        BufferedImage image = render(null);
        int y = 30 + 46 + 6; // near the top of the music lane, above the waveform's reach
        assertThat(whiteColumns(image, y)).containsExactly(x(4), x(6));
        assertThat(TimelineRenderer.x(4, 10, W)).isEqualTo(x(4));
    }

    @Test
    void theWaveformTakesItsSceneSourceColourAndIsAbsentOverSilence() throws Exception {
        BufferedImage image = render(null);
        int top = 30 + 46;
        int bottom = H - 30;
        int mid = top + (bottom - top) / 2;
        int half = (bottom - top - 4) / 2;
        // composer at half level: its colour a third of the way up, not near the top
        assertThat(colour(image, x(2), mid - half / 3)).isEqualTo(TimelineRenderer.COMPOSER);
        assertThat(colour(image, x(2), mid - half * 3 / 4)).isNotEqualTo(TimelineRenderer.COMPOSER);
        // replicate at full level: up to near the top
        assertThat(colour(image, x(8), mid - half * 9 / 10)).isEqualTo(TimelineRenderer.REPLICATE);
        assertThat(colour(image, x(8), mid + half * 9 / 10)).isEqualTo(TimelineRenderer.REPLICATE);
        // the silent scene: no waveform pixel anywhere in its lane
        for (int x = x(4) + 2; x < x(6) - 1; x++) {
            for (int y = top; y < bottom; y++) {
                assertThat(colour(image, x, y)).as("(%d, %d)", x, y).isNotIn(TimelineRenderer.SILENCE,
                        TimelineRenderer.COMPOSER, TimelineRenderer.REPLICATE);
            }
        }
    }

    @Test
    void theVideoSoundIsASecondLaneUnderTheMusic() throws Exception {
        BufferedImage image = render(video());
        int top = 30 + 46;
        int bottom = H - 30;
        int room = bottom - top;
        int videoHeight = (room - 6) / 3;
        int videoTop = bottom - videoHeight;
        int videoMid = videoTop + videoHeight / 2;
        assertThat(colour(image, x(2.5), videoMid - videoHeight / 4)).isEqualTo(TimelineRenderer.VIDEO_SOUND);
        assertThat(colour(image, x(5), videoMid - 3)).as("no video sound at 5 s").isNotEqualTo(TimelineRenderer.VIDEO_SOUND);
        // the music lane is above it, shorter than without the video
        int musicMid = top + (room - 6 - videoHeight) / 2;
        assertThat(colour(image, x(8), musicMid - 20)).isEqualTo(TimelineRenderer.REPLICATE);
        assertThat(colour(image, x(8), videoMid)).isNotEqualTo(TimelineRenderer.REPLICATE);
        // the legend names it
        assertThat(count(image, TimelineRenderer.VIDEO_SOUND, W - 400, 0, W, 30)).isGreaterThan(50);
    }

    @Test
    void textIsWrittenInTheSceneBandTheCaptionAndTheRuler() throws Exception {
        BufferedImage image = render(null);
        // light text pixels in each scene's part of the band, the caption, and the ruler
        assertThat(textPixels(image, x(0) + 2, 34, x(4) - 2, 72)).as("scene 1's title").isGreaterThan(100);
        assertThat(textPixels(image, x(6) + 2, 34, x(10) - 2, 72)).as("scene 3's title").isGreaterThan(100);
        assertThat(textPixels(image, 0, 0, 400, 30)).as("caption").isGreaterThan(100);
        assertThat(textPixels(image, 96, H - 20, W, H)).as("ruler labels").isGreaterThan(100);
        // a long title is cut inside its scene: nothing written over the right margin
        assertThat(textPixels(image, W - 15, 34, W, 72)).isZero();
    }

    @Test
    void theEnvelopeIsReadFromPcmOneColumnAtATime() throws Exception {
        // 1 s at 8000 Hz: the first half silent, then a full-scale square wave; 4 columns
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        for (int i = 0; i < 8000; i++) {
            short v = i < 4000 ? 0 : (short) (i % 2 == 0 ? 32767 : -32768);
            pcm.write(v & 0xff);
            pcm.write((v >> 8) & 0xff);
        }
        Waveform wave = Waveform.read(new ByteArrayInputStream(pcm.toByteArray()), 8000, 1.0, 4);
        assertThat(wave.columns()).isEqualTo(4);
        assertThat(wave.peak(0)).isZero();
        assertThat(wave.peak(1)).isZero();
        assertThat(wave.max()[2]).isGreaterThan(0.99f);
        assertThat(wave.min()[3]).isEqualTo(-1f);
        // an axis twice as long: the sound fills only the first half
        Waveform longer = Waveform.read(new ByteArrayInputStream(pcm.toByteArray()), 8000, 2.0, 4);
        assertThat(longer.peak(1)).isGreaterThan(0.99f);
        assertThat(longer.peak(2)).isZero();
        assertThat(longer.peak(3)).isZero();
    }

    @Test
    void aVideoLongerThanTheMusicStretchesTheAxisAndShadesWhereTheMusicHasEnded() throws Exception {
        // 10 s of music over a 12.5 s video: the axis is 12.5 s, the music lane is shaded after 10 s
        float[] min = new float[AXIS];
        float[] max = new float[AXIS];
        java.util.Arrays.fill(max, 0.5f);
        java.util.Arrays.fill(min, -0.5f);
        Waveform full = new Waveform(min, max);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(
                new Picture(W, H, 12.5, 10, SCENES, music(), full, 12.5, "longer video"))));
        int musicEnd = TimelineRenderer.x(10, 12.5, W);
        assertThat(musicEnd).isEqualTo(96 + (int) Math.floor(0.8 * AXIS));
        assertThat(whiteColumns(image, 30 + 46 + 6)).containsExactly(TimelineRenderer.x(4, 12.5, W), TimelineRenderer.x(6, 12.5, W));
        int musicMid = 30 + 46 + (H - 30 - 30 - 46 - 6 - (H - 30 - 30 - 46 - 6) / 3) / 2;
        assertThat(colour(image, musicEnd - 3, musicMid - 5)).isEqualTo(TimelineRenderer.REPLICATE);
        assertThat(colour(image, musicEnd + 3, musicMid - 5)).isNotEqualTo(TimelineRenderer.REPLICATE);
        int videoHeight = (H - 30 - 30 - 46 - 6) / 3;
        int videoMid = H - 30 - videoHeight + videoHeight / 2;
        assertThat(colour(image, W - 20, videoMid - 10)).as("the video's sound goes on").isEqualTo(TimelineRenderer.VIDEO_SOUND);
        Files.write(Path.of("target", "timeline-test-longer-video.png"), renderer.png(
                new Picture(W, H, 12.5, 10, SCENES, music(), full, 12.5, "longer video")));
    }

    @Test
    void aWidenedEnvelopeHoldsItsNeighboursPeaks() {
        Waveform wave = new Waveform(new float[] {0, 0, -0.5f, 0, 0, 0}, new float[] {0, 0, 0.25f, 0, 0, 0});
        Waveform widened = wave.widened(1);
        assertThat(widened.min()).containsExactly(0, -0.5f, -0.5f, -0.5f, 0, 0);
        assertThat(widened.max()).containsExactly(0, 0.25f, 0.25f, 0.25f, 0, 0);
        assertThat(wave.widened(0)).isSameAs(wave);
    }

    static List<Integer> whiteColumns(BufferedImage image, int y) {
        List<Integer> xs = new java.util.ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, y) & 0xffffff) == 0xffffff) {
                xs.add(x);
            }
        }
        return xs;
    }

    static Color colour(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y) & 0xffffff);
    }

    static int count(BufferedImage image, Color colour, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels bright and grey enough to be text (the waveform colours are not grey). */
    static int textPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                Color c = colour(image, x, y);
                int lo = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                int hi = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
                if (lo > 140 && hi - lo < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
