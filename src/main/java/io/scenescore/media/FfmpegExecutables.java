package io.scenescore.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.scenescore.StartupFailure;

/** Where ffmpeg and ffprobe are: as configured, else on PATH, else the copies shipped in bytedeco's jar. */
public record FfmpegExecutables(String ffmpeg, String ffprobe) {

    public static FfmpegExecutables locate(String configuredFfmpeg, String configuredFfprobe) {
        return new FfmpegExecutables(
                resolve("ffmpeg", configuredFfmpeg, org.bytedeco.ffmpeg.ffmpeg.class),
                resolve("ffprobe", configuredFfprobe, org.bytedeco.ffmpeg.ffprobe.class));
    }

    private static String resolve(String name, String configured, Class<?> shipped) {
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new StartupFailure(name + " not found or not executable at " + configured);
            }
            return configured;
        }
        return onPath(name).orElseGet(() -> extract(name, shipped));
    }

    static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String extract(String name, Class<?> shipped) {
        try {
            return org.bytedeco.javacpp.Loader.load(shipped);
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            // the bundled build links PulseAudio through libavdevice; hosts without it need a system ffmpeg
            throw new StartupFailure(name + " is not on PATH and the copy bundled in the jar cannot run here ("
                    + cause.getMessage() + "); install FFmpeg (apt-get install ffmpeg) or set SCENESCORE_FFMPEG and SCENESCORE_FFPROBE");
        }
    }
}
