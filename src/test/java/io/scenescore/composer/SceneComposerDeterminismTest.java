package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneComposerDeterminismTest {

    static final ComposerScene SCENE = new ComposerScene(2, "Market", "a busy happy market at noon",
            "playful flute and guitar", "acoustic", "medium", null);

    private final SceneComposer composer = new SceneComposer();

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");

        MusicalContext a = composer.compose(SCENE, 4.0, 1234L, null, first);
        MusicalContext b = composer.compose(SCENE, 4.0, 1234L, null, second);

        assertThat(RenderedWav.bytes(second)).isEqualTo(RenderedWav.bytes(first));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void sameSeedAndPreviousContextGiveByteIdenticalFiles() throws Exception {
        MusicalContext previous = new MusicalContext(7, false, 96, List.of(0, 2, 4, 2));
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");

        composer.compose(SCENE, 3.0, 99L, previous, first);
        composer.compose(SCENE, 3.0, 99L, previous, second);

        assertThat(RenderedWav.bytes(second)).isEqualTo(RenderedWav.bytes(first));
    }

    @Test
    void aFreshJvmWritesTheSameBytes() throws Exception {
        Path here = dir.resolve("here.wav");
        Path there = dir.resolve("there.wav");
        composer.compose(SCENE, 2.0, 31L, null, here);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ComposeOneScene.class.getName(),
                there.toString(), "2.0", "31")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(RenderedWav.bytes(there)).isEqualTo(RenderedWav.bytes(here));
    }

    @Test
    void differentSeedGivesDifferentBytes() throws Exception {
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");

        composer.compose(SCENE, 4.0, 1234L, null, first);
        composer.compose(SCENE, 4.0, 1235L, null, second);

        assertThat(RenderedWav.bytes(second)).isNotEqualTo(RenderedWav.bytes(first));
    }

    @Test
    void concurrentRendersGiveTheSameBytesAsOneAtATime() throws Exception {
        Path alone = dir.resolve("alone.wav");
        composer.compose(SCENE, 3.0, 5L, null, alone);
        byte[] expected = RenderedWav.bytes(alone);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path out = dir.resolve("parallel-" + i + ".wav");
                results.add(pool.submit(() -> {
                    composer.compose(SCENE, 3.0, 5L, null, out);
                    return RenderedWav.bytes(out);
                }));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sceneWithEveryTextFieldMissingStillComposes() throws Exception {
        Path wav = dir.resolve("empty.wav");

        MusicalContext context = composer.compose(new ComposerScene(0, null, null, null, null, null, null),
                5.0, 0L, null, wav);

        assertThat(RenderedWav.read(wav).rmsDbfs()).isGreaterThan(-35);
        assertThat(context.motif()).isNotEmpty();
        assertThat(context.tempoBpm()).isBetween(60.0, 140.0);
    }
}
