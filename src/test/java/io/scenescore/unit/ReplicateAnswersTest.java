package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.replicate.OutputGone;
import io.scenescore.replicate.ReplicateAnswers;
import io.scenescore.replicate.ReplicateCall;

/** How a Replicate answer is read: a download goes to its file, not into the heap; the API's JSON comes as bytes. */
class ReplicateAnswersTest {

    private final ReplicateAnswers answers = new ReplicateAnswers();

    @Test
    void aDownloadIsWrittenToItsFileAndItsStreamClosed(@TempDir Path dir) throws Exception {
        Path part = dir.resolve("prediction-00.wav.part");
        byte[] wav = new byte[300_000];
        wav[0] = 'R';
        wav[wav.length - 1] = 7;
        Closing body = new Closing(wav);

        Object answer = answers.answer(download(part), 200, null, body);

        assertThat(answer).isEqualTo(part);
        assertThat(Files.readAllBytes(part)).isEqualTo(wav);
        assertThat(body.closed).as("the stream cache (its spool file) is closed as soon as it is copied").isTrue();
    }

    @Test
    void anEmptyDownloadIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> answers.answer(download(dir.resolve("p.wav.part")), 200, null, new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IOException.class).hasMessage("the output download was empty");
    }

    @Test
    void aDownloadThatCannotBeWrittenHereIsNotAnInputOutputFaultOfReplicates(@TempDir Path dir) {
        Path part = dir.resolve("no-such-folder").resolve("p.wav.part");
        assertThatThrownBy(() -> answers.answer(download(part), 200, null, new Closing(new byte[1000])))
                .as("not an IOException: the breaker counts those as Replicate failing, and the route downloads again")
                .isInstanceOf(io.scenescore.run.MusicSourceFailure.class).hasNoCause()
                .hasMessageStartingWith("could not keep the output of prediction p1: ");
    }

    @Test
    void aMissingOutputFileIsOutputGoneAndWritesNothing(@TempDir Path dir) {
        Path part = dir.resolve("p.wav.part");
        Closing body = new Closing("Not Found".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> answers.answer(download(part), 404, null, body)).isInstanceOf(OutputGone.class);
        assertThat(part).doesNotExist();
        assertThat(body.closed).as("an error's stream is closed too").isTrue();
    }

    @Test
    void anApiAnswerIsItsBytes() throws Exception {
        ReplicateCall poll = new ReplicateCall("GET", "http://replicate.test/v1/predictions/p1", null, true, null, "polling prediction p1");

        Object answer = answers.answer(poll, 200, null, text("{\"id\": \"p1\"}"));

        assertThat(new String((byte[]) answer, StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"p1\"}");
    }

    private static ReplicateCall download(Path part) {
        return new ReplicateCall("GET", "http://delivery.test/p1.wav", null, false, null, "downloading the output of prediction p1", part);
    }

    /** A body that tells whether it was closed. */
    private static final class Closing extends ByteArrayInputStream {
        private boolean closed;

        Closing(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
