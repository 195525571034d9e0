package io.scenescore.storyboard;

import java.util.List;

import io.scenescore.media.PictureAndSoundMeasures.Frame;
import io.scenescore.media.PictureAndSoundMeasures.Loudness;

/**
 * What was measured in one scene of a video.
 *
 * @param motion       0 (a still picture) to 1 (everything changes every frame): {@code 1 - exp(-YDIF / 6)}, YDIF being
 *                     signalstats' mean change of brightness from one frame to the next (0 to 255), averaged over the
 *                     scene's frames but its first (the cut)
 * @param brightness   0 (black) to 1 (white): the mean luma (YAVG) over the scene, from video range 16..235
 * @param warmth       -1 (blue) to 1 (orange-red): the mean of Cr minus Cb (VAVG - UAVG) over 128
 * @param loudnessLufs the video's own sound over the scene, in LUFS (the energy mean of ebur128's momentary
 *                     loudness, -70 for silence); null when the video has no sound
 * @param energy       0 to 1: from motion, and loudness when there is sound
 */
public record SceneFeatures(double motion, double brightness, double warmth, Double loudnessLufs, double energy) {

    static final double MOTION_SCALE = 6;
    static final double SILENCE_LUFS = -70;

    /** The features of frames {@code [from, to)} and the sound between {@code start} and {@code end} seconds. */
    public static SceneFeatures measure(List<Frame> frames, int from, int to, List<Loudness> loudness, boolean hasSound,
                                        double start, double end) {
        double dif = 0, y = 0, warm = 0;
        int n = 0, moving = 0;
        for (int i = from; i < to && i < frames.size(); i++) {
            Frame f = frames.get(i);
            y += f.yAvg();
            warm += f.vAvg() - f.uAvg();
            n++;
            if (i > from) {
                dif += f.yDif();
                moving++;
            }
        }
        double motion = moving == 0 ? 0 : 1 - Math.exp(-(dif / moving) / MOTION_SCALE);
        double brightness = n == 0 ? 0 : clamp(((y / n) - 16) / 219, 0, 1);
        double warmth = n == 0 ? 0 : clamp((warm / n) / 128, -1, 1);
        Double lufs = hasSound ? loudness(loudness, start, end) : null;
        double energy = lufs == null ? motion : 0.65 * motion + 0.35 * clamp((lufs + 50) / 40, 0, 1);
        return new SceneFeatures(round3(motion), round3(brightness), round3(warmth), lufs == null ? null : Math.round(lufs * 10) / 10.0,
                round3(energy));
    }

    /**
     * The energy mean of the momentary readings whose 400 ms window lies in the scene (all readings ending in it
     * when it is shorter than that).
     */
    static double loudness(List<Loudness> readings, double start, double end) {
        double sum = 0;
        int n = 0;
        for (Loudness r : readings) {
            if (r.time() >= start + 0.4 - 1e-9 && r.time() <= end + 1e-9) {
                sum += Math.pow(10, Math.max(SILENCE_LUFS, r.momentary()) / 10);
                n++;
            }
        }
        if (n == 0) {
            for (Loudness r : readings) {
                if (r.time() > start && r.time() <= end + 0.4) {
                    sum += Math.pow(10, Math.max(SILENCE_LUFS, r.momentary()) / 10);
                    n++;
                }
            }
        }
        return n == 0 ? SILENCE_LUFS : Math.max(SILENCE_LUFS, 10 * Math.log10(sum / n));
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
