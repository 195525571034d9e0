package io.scenescore.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.scenescore.StartupFailure;

/**
 * Where ffmpeg and ffprobe are.
 * <ul>
 * <li>ffmpeg: as configured, else on PATH, else the statically linked FFmpeg 4.4.1 shipped in the jar
 * ({@code ws.schild:jave-nativebin-linux64}), extracted once to a cache folder. It needs nothing from the host but
 * the kernel.</li>
 * <li>ffprobe: as configured, else on PATH, else bytedeco's copy when it runs on this host (it loads PulseAudio and X
 * libraries through libavdevice), else none: then {@link #ffprobe()} is the ffmpeg executable itself and
 * {@link #probesWithFfmpeg()} is true; {@link VideoProbe} then reads ffmpeg's description of its input instead.</li>
 * </ul>
 */
public record FfmpegExecutables(String ffmpeg, String ffprobe) {

    /** The static FFmpeg inside the jave-nativebin-linux64 jar. */
    static final String EMBEDDED_RESOURCE = "ws/schild/jave/nativebin/ffmpeg-amd64";
    /** Names the cache folder: a new build of the embedded FFmpeg gets a new folder. */
    static final String EMBEDDED_VERSION = "4.4.1-jave-3.5.0";

    public static FfmpegExecutables locate(String configuredFfmpeg, String configuredFfprobe) {
        String ffmpeg = configured("ffmpeg", configuredFfmpeg)
                .or(() -> onPath("ffmpeg"))
                .orElseGet(FfmpegExecutables::embeddedFfmpeg);
        String ffprobe = configured("ffprobe", configuredFfprobe)
                .or(() -> onPath("ffprobe"))
                .or(FfmpegExecutables::bytedecoFfprobe)
                .orElse(ffmpeg);
        return new FfmpegExecutables(ffmpeg, ffprobe);
    }

    /** True when there is no ffprobe: videos are probed by ffmpeg itself. */
    public boolean probesWithFfmpeg() {
        return ffprobe.equals(ffmpeg);
    }

    private static Optional<String> configured(String name, String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of(configured))) {
            throw new StartupFailure(name + " not found or not executable at " + configured);
        }
        return Optional.of(configured);
    }

    static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** The static FFmpeg from the jar, extracted (once per version) to the cache folder; start-up stops if it cannot be. */
    public static String embeddedFfmpeg() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new StartupFailure("ffmpeg is not on PATH and the FFmpeg shipped in the jar is for Linux x86-64 only (this is "
                    + os + " " + arch + "); install FFmpeg or set SCENESCORE_FFMPEG");
        }
        URL resource = FfmpegExecutables.class.getClassLoader().getResource(EMBEDDED_RESOURCE);
        if (resource == null) {
            throw new StartupFailure("ffmpeg is not on PATH and no FFmpeg is shipped in this build ("
                    + EMBEDDED_RESOURCE + " is missing); install FFmpeg or set SCENESCORE_FFMPEG");
        }
        try {
            return extract(resource, cacheDir().resolve("ffmpeg-" + EMBEDDED_VERSION).resolve("ffmpeg")).toString();
        } catch (IOException e) {
            throw new StartupFailure("ffmpeg is not on PATH and the FFmpeg shipped in the jar cannot be extracted ("
                    + e.getMessage() + "); set SCENESCORE_CACHE_DIR to a writable folder, install FFmpeg or set SCENESCORE_FFMPEG", e);
        }
    }

    /** SCENESCORE_CACHE_DIR, else $XDG_CACHE_HOME/scenescore, else ~/.cache/scenescore, else the temp folder. */
    static Path cacheDir() {
        String configured = System.getenv("SCENESCORE_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "scenescore");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && Files.isWritable(Path.of(home))) {
            return Path.of(home, ".cache", "scenescore");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "scenescore-" + System.getProperty("user.name", "user"));
    }

    /** Copies the resource to target unless a complete copy is there already; safe when several JVMs race. */
    static Path extract(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && Files.isExecutable(target) && (size < 0 || Files.size(target) == size)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "ffmpeg", ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + partial + " executable");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /** bytedeco's ffprobe, when it is on the class path and runs here (it needs the host's PulseAudio and X libraries). */
    static Optional<String> bytedecoFfprobe() {
        try {
            Class<?> shipped = Class.forName("org.bytedeco.ffmpeg.ffprobe");
            String path = org.bytedeco.javacpp.Loader.load(shipped);
            Process p = new ProcessBuilder(List.of(path, "-version")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Optional.of(path);
            }
            p.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Throwable e) {
            // not shipped, or its libraries cannot load here: ffmpeg probes instead
            return Optional.empty();
        }
    }
}
