package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.ConditionalDownload.Part;
import io.scenescore.api.ConditionalDownload.RangeNotSatisfiable;

/** If-None-Match against the ETag, and the single byte range a download answers with. */
class ConditionalDownloadTest {

    private static final String ETAG = "\"5d41402abc4b2a76\"";
    private static final long SIZE = 1000;

    private final ConditionalDownload download = new ConditionalDownload();

    @Test
    void theExactTagIsNotModified() {
        assertThat(download.notModified(ETAG, ETAG)).isTrue();
    }

    @Test
    void anotherTagIsModified() {
        assertThat(download.notModified("\"0000000000000000\"", ETAG)).isFalse();
        assertThat(download.notModified("5d41402abc4b2a76", ETAG)).as("unquoted is another tag").isFalse();
    }

    @Test
    void aListOfTagsMatchesWhenAnyOfThemDoes() {
        assertThat(download.notModified("\"aaa\", " + ETAG + ",\"bbb\"", ETAG)).isTrue();
        assertThat(download.notModified("\"aaa\", \"bbb\"", ETAG)).isFalse();
    }

    @Test
    void aWeakTagMatchesItsStrongTag() {
        assertThat(download.notModified("W/" + ETAG, ETAG)).isTrue();
        assertThat(download.notModified("\"aaa\", W/" + ETAG, ETAG)).isTrue();
    }

    @Test
    void aStarMatchesAnyTag() {
        assertThat(download.notModified("*", ETAG)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noIfNoneMatchIsModified(String ifNoneMatch) {
        assertThat(download.notModified(ifNoneMatch, ETAG)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noRangeIsTheWholeContent(String range) {
        assertThat(download.part(range, SIZE)).isEqualTo(new Part(200, 0, SIZE, null));
    }

    @Test
    void aClosedRangeIsAPartialAnswer() {
        assertThat(download.part("bytes=0-99", SIZE)).isEqualTo(new Part(206, 0, 100, "bytes 0-99/1000"));
        assertThat(download.part("bytes=500-500", SIZE)).isEqualTo(new Part(206, 500, 1, "bytes 500-500/1000"));
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(download.part("bytes=100-", SIZE)).isEqualTo(new Part(206, 100, 900, "bytes 100-999/1000"));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(download.part("bytes=-50", SIZE)).isEqualTo(new Part(206, 950, 50, "bytes 950-999/1000"));
    }

    @Test
    void aSuffixLongerThanTheContentIsAllOfIt() {
        assertThat(download.part("bytes=-5000", SIZE)).isEqualTo(new Part(206, 0, SIZE, "bytes 0-999/1000"));
    }

    @Test
    void anEndBeyondTheContentIsClampedToItsLastByte() {
        assertThat(download.part("bytes=900-5000", SIZE)).isEqualTo(new Part(206, 900, 100, "bytes 900-999/1000"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1200", "bytes=5000-", "bytes=-0"})
    void aRangeStartingAtOrBeyondTheEndIsNotSatisfiable(String range) {
        RangeNotSatisfiable refusal = catchThrowableOfType(RangeNotSatisfiable.class, () -> download.part(range, SIZE));

        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(416);
        assertThat(refusal.contentRange()).isEqualTo("bytes */1000");
    }

    @Test
    void anyRangeOfEmptyContentIsNotSatisfiable() {
        RangeNotSatisfiable refusal = catchThrowableOfType(RangeNotSatisfiable.class, () -> download.part("bytes=0-", 0));

        assertThat(refusal.contentRange()).isEqualTo("bytes */0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=0-99,200-299", "items=0-99", "bytes=abc-def", "bytes=-", "bytes 0-99", "0-99"})
    void aMalformedOrMultipleRangeIsAnsweredWithTheWholeContent(String range) {
        assertThat(download.part(range, SIZE)).isEqualTo(new Part(200, 0, SIZE, null));
    }

    @Test
    void anEndTooLargeForALongIsClampedToTheLastByteToo() {
        assertThat(download.part("bytes=0-99999999999999999999", SIZE)).isEqualTo(new Part(206, 0, SIZE, "bytes 0-999/1000"));
    }

    @Test
    void sliceOfTheWholeContentIsTheContent() {
        byte[] content = bytes(10);

        assertThat(download.slice(content, download.part(null, content.length))).isSameAs(content);
    }

    @Test
    void sliceOfARangeIsExactlyThoseBytes() {
        byte[] content = bytes(10);

        assertThat(download.slice(content, download.part("bytes=2-4", content.length))).containsExactly(2, 3, 4);
        assertThat(download.slice(content, download.part("bytes=-3", content.length))).containsExactly(7, 8, 9);
        assertThat(download.slice(content, download.part("bytes=8-", content.length))).containsExactly(8, 9);
    }

    @Test
    void theMediaTypeFollowsTheFormat() {
        assertThat(download.mediaType("wav")).isEqualTo("audio/wav");
        assertThat(download.mediaType("mp3")).isEqualTo("audio/mpeg");
    }

    private static byte[] bytes(int n) {
        byte[] content = new byte[n];
        for (int i = 0; i < n; i++) {
            content[i] = (byte) i;
        }
        return content;
    }
}
