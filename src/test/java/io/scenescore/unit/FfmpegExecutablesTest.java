package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.StartupFailure;
import io.scenescore.media.FfmpegExecutables;

/** ffmpeg and ffprobe: as configured, else found on PATH; a configured path that cannot run stops startup. */
class FfmpegExecutablesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void systemFfmpegIsInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")) && Files.isExecutable(Path.of("/usr/bin/ffprobe"))
                && pathDirectories().contains(Path.of("/usr/bin")),
                "these tests expect the system FFmpeg in /usr/bin, on PATH");
    }

    private static List<Path> pathDirectories() {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void withNothingConfiguredBothToolsAreFoundOnThePath() {
        FfmpegExecutables found = FfmpegExecutables.locate("", "");

        assertThat(Path.of(found.ffmpeg())).isExecutable().hasFileName("ffmpeg");
        assertThat(Path.of(found.ffprobe())).isExecutable().hasFileName("ffprobe");
        assertThat(pathDirectories()).contains(Path.of(found.ffmpeg()).getParent(), Path.of(found.ffprobe()).getParent());
    }

    @Test
    void nullConfigurationMeansNothingConfigured() {
        assertThat(FfmpegExecutables.locate(null, null)).isEqualTo(FfmpegExecutables.locate("", ""));
    }

    @Test
    void aConfiguredExecutableIsUsedAsGiven() throws IOException {
        Path ffmpeg = Files.copy(Path.of("/usr/bin/ffmpeg"), dir.resolve("my-ffmpeg"));
        ffmpeg.toFile().setExecutable(true);

        FfmpegExecutables found = FfmpegExecutables.locate(ffmpeg.toString(), "/usr/bin/ffprobe");

        assertThat(found).isEqualTo(new FfmpegExecutables(ffmpeg.toString(), "/usr/bin/ffprobe"));
    }

    @Test
    void aConfiguredFfmpegThatDoesNotExistStopsStartupNamingIt() {
        String missing = dir.resolve("no-such-ffmpeg").toString();

        assertThatThrownBy(() -> FfmpegExecutables.locate(missing, ""))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("ffmpeg not found or not executable at " + missing);
    }

    @Test
    void aConfiguredFfprobeThatDoesNotExistStopsStartupNamingIt() {
        String missing = dir.resolve("no-such-ffprobe").toString();

        assertThatThrownBy(() -> FfmpegExecutables.locate("", missing))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("ffprobe not found or not executable at " + missing);
    }

    @Test
    void aConfiguredFileThatIsNotExecutableStopsStartup() throws IOException {
        Path plain = Files.writeString(dir.resolve("ffmpeg"), "not a program");
        plain.toFile().setExecutable(false, false);

        assertThatThrownBy(() -> FfmpegExecutables.locate(plain.toString(), ""))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining(plain.toString());
    }
}
