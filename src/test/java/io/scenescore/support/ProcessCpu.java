package io.scenescore.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds of processes on this machine, from /proc (Linux: 100 clock ticks a second), for the benches. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** The process's own CPU seconds (user + system) and those of its children it has waited for (FFmpeg). */
    public static double[] ownAndChildren(String pid) throws IOException {
        String[] f = fields(Path.of("/proc", pid, "stat"));
        // after "pid (comm) ", field 3 (state) is at 0: utime, stime, cutime, cstime are at 11 to 14
        return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0};
    }

    /**
     * The CPU seconds of the JVM's compiler threads ("C1 CompilerThre", "C2 CompilerThre"), those still running: a
     * compiler thread the JVM retired took its share along.
     */
    public static double jit(String pid) throws IOException {
        return ticks(Path.of("/proc", pid, "task"), name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
    }

    /** This JVM's CPU seconds, to the nanosecond. */
    public static double thisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** The CPU seconds of every process named postgres on this machine (the server and its backends). */
    public static double postgres() throws IOException {
        return ticks(Path.of("/proc"), name -> name.equals("postgres"));
    }

    /** The CPU seconds (user + system) of the processes or threads under {@code dir} whose name {@code named} takes. */
    private static double ticks(Path dir, java.util.function.Predicate<String> named) throws IOException {
        long ticks = 0;
        try (var entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    if (named.test(Files.readString(entry.resolve("comm")).trim())) {
                        String[] f = fields(entry.resolve("stat"));
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // not a process, or it ended meanwhile
                }
            }
        }
        return ticks / 100.0;
    }

    private static String[] fields(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }
}
