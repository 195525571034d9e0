package io.scenescore.composer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The built-in, offline composer: reads a scene's mood, continues the music of the previous scene, writes a
 * multi-part arrangement and renders it with the JDK's software synthesizer to a WAV file. No network, no
 * native code; needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} at run time.
 *
 * <p>Stateless and safe to share between threads: each call uses its own synthesizer.
 */
public final class SceneComposer {

    /** Sample rate of the WAV files written. */
    public static final int SAMPLE_RATE = 44100;
    /** Longest scene accepted, in seconds (ten minutes: the scene is held in memory while it is mastered). */
    public static final double MAX_DURATION_SECONDS = 600;

    private final MoodMapper moods = new MoodMapper();
    private final ScenePlanner planner = new ScenePlanner();
    private final SceneArranger arranger = new SceneArranger();
    private final GervillRenderer renderer = new GervillRenderer();

    /**
     * Composes the scene and renders it to a 16-bit PCM, 44100 Hz, stereo WAV at wavOut whose length is
     * exactly round(durationSeconds * 44100) sample frames. previous is null for the first scene.
     * Returns the context the next scene continues from. Same inputs (scene, duration, seed, previous) give
     * byte-identical files.
     */
    public MusicalContext compose(ComposerScene scene, double durationSeconds, long seed,
                                  MusicalContext previous, Path wavOut) throws IOException {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(wavOut, "wavOut");
        if (!(durationSeconds > 0) || durationSeconds > MAX_DURATION_SECONDS) {
            throw new IllegalArgumentException("scene " + scene.index() + ": duration must be more than 0 and at most "
                    + (int) MAX_DURATION_SECONDS + " seconds, got " + durationSeconds);
        }
        int frames = (int) Math.round(durationSeconds * SAMPLE_RATE);

        Random random = new Random(sceneSeed(seed, scene.index()));
        MoodProfile mood = moods.map(scene);
        ScenePlan plan = planner.plan(mood, previous, random);
        Score score = arranger.arrange(mood, plan, durationSeconds, random);
        List<MidiTimeline.TimedMessage> timeline = MidiTimeline.of(score);

        float[] audio = renderer.render(timeline, frames);
        Mastering.apply(audio, GervillRenderer.CHANNELS, SAMPLE_RATE, mood.energy());
        PcmWavWriter.write(wavOut, audio, GervillRenderer.CHANNELS, SAMPLE_RATE);
        return plan.context();
    }

    /** One seed per (run seed, scene index), well mixed so that neighbouring seeds give unrelated music. */
    static long sceneSeed(long seed, int sceneIndex) {
        long z = seed * 0x9E3779B97F4A7C15L + (sceneIndex + 1L) * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
