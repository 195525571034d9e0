package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.media.DuckEnvelope;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MixCommands;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.ToneLevels;

/**
 * The mix under a video's own sound, with real FFmpeg on small made-up inputs: a 6 s video whose track has a 1 kHz
 * tone at -20 dBFS from 2.0 s to 3.5 s (the "sound"), and music that is an 80 Hz tone at -12 dBFS. The levels of the
 * two tones are read apart in the mix (Goertzel at each frequency, 50-100 ms windows).
 */
class MixCommandsTest {

    static final double SECONDS = 6;
    static final double MUSIC_HZ = 80, VOICE_HZ = 1000;
    static final double MUSIC_DB = -12, VOICE_DB = -20;
    static final double SOUND_FROM = 2.0, SOUND_TO = 3.5;
    static Path dir;
    static Path video;
    static Path music;
    private final MixCommands mixes = new MixCommands();

    @BeforeAll
    static void inputs(@TempDir Path tmp) throws Exception {
        dir = tmp;
        video = tmp.resolve("video.mp4");
        double amplitude = Math.pow(10, VOICE_DB / 20);
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i",
                "aevalsrc=" + amplitude + "*sin(2*PI*" + VOICE_HZ + "*t)*between(t\\," + SOUND_FROM + "\\," + SOUND_TO + "):s=48000:c=stereo",
                "-t", String.valueOf(SECONDS), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k",
                video.toString());
        music = tmp.resolve("joined.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "aevalsrc=" + Math.pow(10, MUSIC_DB / 20) + "*sin(2*PI*" + MUSIC_HZ + "*t):s=44100:c=stereo",
                "-t", String.valueOf(SECONDS), "-c:a", "pcm_s16le", music.toString());
    }

    private static String ffmpeg(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(MediaProbe.tools().ffmpeg()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private List<DuckEnvelope.Span> sounds() throws Exception {
        return DuckEnvelope.sounds(ffmpeg(mixes.soundCommand(video, SECONDS)), SECONDS);
    }

    private Path mix(String mix, double musicGainDb, String name) throws Exception {
        Path envelope = dir.resolve(name + "-envelope.wav");
        if (mix.equals("duck")) {
            DuckEnvelope.write(envelope, sounds(), SECONDS, 15);
        }
        Path out = dir.resolve(name + ".wav");
        String log = ffmpeg(mixes.mixCommand(video, music, null, SECONDS, SECONDS, "trim", mix, envelope, musicGainDb, out));
        LoudnessMeasure measured = new LoudnessCommands().parse(log);
        assertThat(measured).as("the mix is measured in the same run").isNotNull();
        assertThat(measured.integrated()).isNotNull();
        return out;
    }

    @Test
    void theVideosSoundIsFoundWhereItIs() throws Exception {
        List<DuckEnvelope.Span> sounds = sounds();

        assertThat(sounds).hasSize(1);
        assertThat(sounds.get(0).start()).isCloseTo(SOUND_FROM, within(0.03));
        assertThat(sounds.get(0).end()).isCloseTo(SOUND_TO, within(0.05));
    }

    @Test
    void duckLowersTheMusicByDuckDbUnderTheSoundOnTimeAndKeepsTheSound() throws Exception {
        ToneLevels mix = ToneLevels.of(mix("duck", -12, "duck"), null);

        double before = mix.tone(MUSIC_HZ, 0.5, 1.0);
        assertThat(before).as("music before the sound").isCloseTo(MUSIC_DB, within(0.5));
        assertThat(mix.tone(MUSIC_HZ, SOUND_FROM + 0.2, SOUND_TO - SOUND_FROM - 0.2)).as("music under the sound")
                .isCloseTo(MUSIC_DB - 15, within(1.0));
        assertThat(mix.tone(MUSIC_HZ, SOUND_FROM + 0.1, 0.1)).as("music 0.1-0.2 s into the sound")
                .isLessThanOrEqualTo(MUSIC_DB - 14);
        assertThat(mix.tone(MUSIC_HZ, SOUND_TO + 1.0, 1.0)).as("music from 1 s after the sound").isCloseTo(MUSIC_DB, within(0.5));
        assertThat(mix.tone(VOICE_HZ, SOUND_FROM + 0.2, 1.0)).as("the video's sound, kept as it was").isCloseTo(VOICE_DB, within(0.5));
    }

    @Test
    void blendPutsTheMusicAtMusicGainDbThroughout() throws Exception {
        ToneLevels mix = ToneLevels.of(mix("blend", -10, "blend"), null);

        assertThat(mix.tone(MUSIC_HZ, 0.5, 1.0)).isCloseTo(MUSIC_DB - 10, within(0.5));
        assertThat(mix.tone(MUSIC_HZ, SOUND_FROM + 0.2, 1.0)).isCloseTo(MUSIC_DB - 10, within(0.5));
        assertThat(mix.tone(VOICE_HZ, SOUND_FROM + 0.2, 1.0)).isCloseTo(VOICE_DB, within(0.5));
    }

    @Test
    void replaceLaysTheMusicAlone() throws Exception {
        ToneLevels mix = ToneLevels.of(mix("replace", -12, "replace"), null);

        assertThat(mix.tone(MUSIC_HZ, SOUND_FROM + 0.2, 1.0)).isCloseTo(MUSIC_DB, within(0.5));
        assertThat(mix.tone(VOICE_HZ, SOUND_FROM + 0.2, 1.0)).as("no video sound").isLessThan(-90);
        assertThat(mix.seconds()).as("as long as the video").isCloseTo(SECONDS, within(1.0 / 44100));
    }
}
