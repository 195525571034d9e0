import io.scenescore.composer.ComposerScene;
import io.scenescore.composer.MusicalContext;
import io.scenescore.composer.SceneComposer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Benchmark of the built-in composer: composes and renders one minute of music (four contrasting scenes of 15 s,
 * each continuing the one before) several times and prints CPU and wall seconds per minute of music.
 *
 * <p>Run from the repository root after {@code mvn -q compile}:
 * {@code java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -cp target/classes bench/ComposerBench.java [rounds]}
 * (or {@code bench/composer-bench.sh [rounds]}).
 */
public class ComposerBench {

    private static final ComposerScene[] MINUTE = {
        new ComposerScene(0, "Dawn", "calm sunrise over a quiet harbour", "warm strings", "cinematic", "low", null),
        new ComposerScene(1, "Chase", "a tense chase through dark alleys", "driving percussion", "cinematic", "high", null),
        new ComposerScene(2, "Goodbye", "sad rainy goodbye at the station", "solo piano", "piano", "low", null),
        new ComposerScene(3, "Finale", "triumphant finale, the heroes celebrate", "brass and choir", "orchestral", "high", null),
    };
    private static final double SCENE_SECONDS = 15;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SceneComposer composer = new SceneComposer();
        double minutes = MINUTE.length * SCENE_SECONDS / 60;
        Path dir = Files.createTempDirectory("composer-bench");
        try {
            System.out.printf("composer benchmark: %d scenes x %.0f s = %.1f min of music per round, %d cores%n",
                    MINUTE.length, SCENE_SECONDS, minutes, Runtime.getRuntime().availableProcessors());
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = 0; round <= rounds; round++) {
                long wall0 = System.nanoTime();
                long thread0 = threads.getCurrentThreadCpuTime();
                long process0 = os.getProcessCpuTime();
                MusicalContext previous = null;
                for (ComposerScene scene : MINUTE) {
                    previous = composer.compose(scene, SCENE_SECONDS, 42L + round, previous,
                            dir.resolve("scene-" + scene.index() + ".wav"));
                }
                double wall = (System.nanoTime() - wall0) / 1e9 / minutes;
                double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e9 / minutes;
                double process = (os.getProcessCpuTime() - process0) / 1e9 / minutes;
                String label = round == 0 ? "cold (builds the sound set, JIT warm-up)" : "round " + round;
                System.out.printf("%-42s wall %.2f s, CPU %.2f s (rendering thread %.2f s) per minute of music%n",
                        label, wall, process, thread);
                if (round > 0) {
                    best[0] = Math.min(best[0], wall);
                    best[1] = Math.min(best[1], process);
                    best[2] = Math.min(best[2], thread);
                }
            }
            if (rounds > 0) {
                System.out.printf("best warm round: wall %.2f s, CPU %.2f s (rendering thread %.2f s) per minute of music%n",
                        best[0], best[1], best[2]);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
