package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.camel.LoggingLevel;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;
import org.junit.jupiter.api.Test;

import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.MediaToolFailure;

/** A tool run's standard output when it exited 0, else a failure carrying the tail of what it said. */
class FfmpegOutcomeTest {

    private final FfmpegOutcome outcome = new FfmpegOutcome();

    private static InputStream stream(String text) {
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ExecResult result(String executable, int exit, String stdout, String stderr) {
        ExecCommand command = new ExecCommand(executable, List.of("-i", "in.wav", "out.mp3"), null, 60_000L, Set.of(0),
                null, null, false, LoggingLevel.OFF);
        return new ExecResult(command, stream(stdout), stream(stderr), exit);
    }

    private static String failureMessage(ExecResult result) {
        MediaToolFailure failure = catchThrowableOfType(MediaToolFailure.class, () -> new FfmpegOutcome().finished(result).stdout());
        assertThat(failure).as("a MediaToolFailure").isNotNull();
        return failure.getMessage();
    }

    @Test
    void exitZeroGivesTheStandardOutput() throws Exception {
        assertThat(outcome.finished(result("/usr/bin/ffprobe", 0, "12.345000\n", "")).stdout()).isEqualTo("12.345000\n");
    }

    @Test
    void exitZeroIgnoresWarningsOnStderr() throws Exception {
        assertThat(outcome.finished(result("/usr/bin/ffmpeg", 0, "done", "[mp3] Estimating duration")).stdout()).isEqualTo("done");
    }

    @Test
    void exitZeroWithoutOutputGivesAnEmptyString() throws Exception {
        assertThat(outcome.finished(result("/usr/bin/ffmpeg", 0, null, null)).stdout()).isEmpty();
    }

    @Test
    void aNonZeroExitFailsWithWhatTheToolSaid() {
        String message = failureMessage(result("/usr/bin/ffmpeg", 1, "", "in.wav: No such file or directory\n"));

        assertThat(message).isEqualTo("ffmpeg exited with 1: in.wav: No such file or directory");
    }

    @Test
    void theFailureNamesTheToolThatRan() {
        String message = failureMessage(result("/opt/ffmpeg/bin/ffprobe", 69, "", "Invalid data found"));

        assertThat(message).isEqualTo("ffprobe exited with 69: Invalid data found");
    }

    @Test
    void longStderrIsCutToItsLast2000Characters() {
        String head = "HEAD-OF-THE-LOG ";
        String middle = "m".repeat(5000);
        StringBuilder tail = new StringBuilder();
        for (int i = 0; tail.length() < 2000; i++) {
            tail.append(i % 10);
        }
        String last2000 = tail.substring(0, 2000);

        String message = failureMessage(result("/usr/bin/ffmpeg", 1, "", head + middle + last2000));

        assertThat(message).isEqualTo("ffmpeg exited with 1: ..." + last2000);
        assertThat(message).doesNotContain("HEAD-OF-THE-LOG");
    }

    @Test
    void stderrOfExactly2000CharactersIsKeptWhole() {
        String stderr = "e".repeat(1999) + "!";

        assertThat(failureMessage(result("/usr/bin/ffmpeg", 1, "", stderr))).isEqualTo("ffmpeg exited with 1: " + stderr);
    }

    @Test
    void aSilentFailureSaysTheToolWasKilledOrTimedOut() {
        assertThat(failureMessage(result("/usr/bin/ffmpeg", 143, null, "  \n")))
                .isEqualTo("ffmpeg exited with 143 (killed or timed out)");
    }

    @Test
    void theOutputStreamsAreClosedOnceRead() throws Exception {
        TrackedStream stdout = new TrackedStream("12.3");
        TrackedStream stderr = new TrackedStream("");
        ExecCommand command = new ExecCommand("/usr/bin/ffprobe", List.of(), null, 0L, Set.of(0), null, null, false,
                LoggingLevel.OFF);

        outcome.finished(new ExecResult(command, stdout, stderr, 0)).stdout();

        assertThat(stdout.closed).isTrue();
        assertThat(stderr.closed).isTrue();
    }

    private static final class TrackedStream extends ByteArrayInputStream {
        boolean closed;

        TrackedStream(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
