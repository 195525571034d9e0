package io.scenescore.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeReplicateTest {

    private static final String TOKEN = "r8_test_token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static FakeReplicate replicate;

    @BeforeAll
    static void startFake() {
        replicate = FakeReplicate.start(TOKEN);
    }

    @AfterAll
    static void stopFake() {
        replicate.close();
    }

    @BeforeEach
    void cleanFake() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));
        replicate.setMaxPreferWait(Duration.ofSeconds(60));
    }

    // ------------------------------------------------------------ auth and shape

    @Test
    void requestsWithoutTheRightBearerTokenAreRejectedWith401() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(api("/predictions"))
                .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(4)).toString())));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(api("/predictions"))
                .header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(4)).toString())));
        HttpResponse<String> poll = send(HttpRequest.newBuilder(api("/predictions/abc")).GET());

        assertThat(List.of(none.statusCode(), wrong.statusCode(), poll.statusCode())).containsOnly(401);
        JsonNode body = JSON.readTree(none.body());
        assertThat(body.path("title").asText()).isEqualTo("Unauthenticated");
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(replicate.unauthorizedRequests()).isEqualTo(3);
        assertThat(replicate.createdPredictions()).isZero();
        assertThat(replicate.authHeadersSeen()).containsExactly("", "Bearer wrong", "");
    }

    @Test
    void theOlderTokenSchemeIsAcceptedToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/predictions"))
                .header("Authorization", "Token " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(2)).toString())));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void createAnswers201WithAPredictionShapedLikeReplicates() throws Exception {
        HttpResponse<String> response = create(input(musicInput(2)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode p = JSON.readTree(response.body());
        String id = p.path("id").asText();
        assertThat(id).matches("[a-z0-9]{26}");
        assertThat(p.path("model").asText()).isEqualTo("meta/musicgen");
        assertThat(p.path("version").asText()).isEqualTo(FakeReplicate.DEFAULT_VERSION);
        assertThat(p.path("input")).isEqualTo(musicInput(2));
        assertThat(p.path("logs").asText()).isEmpty();
        assertThat(p.path("output").isNull()).isTrue();
        assertThat(p.path("error").isNull()).isTrue();
        assertThat(p.path("status").asText()).isEqualTo("starting");
        assertThat(p.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(p.path("started_at").isNull()).isTrue();
        assertThat(p.path("completed_at").isNull()).isTrue();
        assertThat(p.path("data_removed").asBoolean(true)).isFalse();
        assertThat(p.path("metrics").isObject()).isTrue();
        assertThat(p.path("urls").path("get").asText()).isEqualTo(replicate.baseUrl() + "/predictions/" + id);
        assertThat(p.path("urls").path("cancel").asText()).isEqualTo(replicate.baseUrl() + "/predictions/" + id + "/cancel");
        assertThat(p.path("urls").path("web").asText()).endsWith(id);
        assertThat(replicate.createdPredictions()).isEqualTo(1);
        assertThat(replicate.createRequests()).hasSize(1);
    }

    @Test
    void pollingAnUnknownIdAnswers404() throws Exception {
        HttpResponse<String> response = get(api("/predictions/doesnotexist"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("detail").asText()).isEqualTo("Not found.");
    }

    // ------------------------------------------------------------ life cycle and output

    @Test
    void statusMovesFromStartingThroughProcessingToSucceededAndTheOutputIsAWavOfExactlyTheDuration() throws Exception {
        replicate.setLatency(Duration.ofMillis(900));
        String id = createdId(input(musicInput(3)));

        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                .until(() -> status(id), "processing"::equals);
        JsonNode processing = poll(id);
        assertThat(processing.path("started_at").isNull()).isFalse();
        assertThat(processing.path("output").isNull()).isTrue();

        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                .until(() -> status(id), "succeeded"::equals);
        JsonNode done = poll(id);
        assertThat(done.path("completed_at").isNull()).isFalse();
        assertThat(done.path("metrics").path("predict_time").isNumber()).isTrue();
        String output = done.path("output").asText();
        assertThat(output).isEqualTo(replicate.outputUrl(id)).startsWith("http://127.0.0.1:").endsWith(".wav");

        HttpResponse<byte[]> file = download(output);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("audio/wav");
        WavAudio wav = WavAudio.parse(file.body());
        assertThat(wav.sampleRate()).isEqualTo(32_000);
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.frames()).isEqualTo(3 * 32_000);
        assertThat(file.body()).hasSize(44 + 3 * 32_000 * 2 * 2);
        assertThat(wav.rmsDbfs()).isGreaterThan(-35.0);
        assertThat(replicate.pollCount()).isGreaterThanOrEqualTo(2);
        assertThat(replicate.downloadCount()).isEqualTo(1);
    }

    @Test
    void monoModelsMakeOneChannel() throws Exception {
        ObjectNode in = musicInput(2).put("model_version", "melody-large");
        WavAudio wav = WavAudio.parse(download(awaitOutput(createdId(input(in)))).body());
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.frames()).isEqualTo(2 * 32_000);
    }

    @Test
    void aFakeToldToPlayAPureTonePlaysItAtItsLevelOnEveryChannel() throws Exception {
        replicate.playPureTone(100, -12);
        WavAudio wav = WavAudio.parse(download(awaitOutput(createdId(input(musicInput(2))))).body());

        short[] samples = wav.samples();
        int peak = 0;
        for (int i = 0; i < samples.length; i += 2) {
            peak = Math.max(peak, Math.abs(samples[i]));
            assertThat(samples[i + 1]).as("both channels alike").isEqualTo(samples[i]);
        }
        assertThat(20 * Math.log10(peak / 32767.0)).as("peak").isCloseTo(-12, org.assertj.core.api.Assertions.within(0.1));
        assertThat(wav.rmsDbfs()).as("a sine's RMS is 3 dB under its peak").isCloseTo(-15, org.assertj.core.api.Assertions.within(0.1));
        double t = 0.0025;
        assertThat(samples[(int) (t * 32_000) * 2] / 32767.0).as("a quarter period in: the crest of 100 Hz")
                .isCloseTo(Math.pow(10, -12 / 20.0), org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void theSameSeedAndPromptGiveTheSameAudioWhileOtherPredictionsDiffer() throws Exception {
        ObjectNode seeded = musicInput(1).put("seed", 42);
        byte[] first = download(awaitOutput(createdId(input(seeded)))).body();
        byte[] second = download(awaitOutput(createdId(input(seeded)))).body();
        byte[] unseeded = download(awaitOutput(createdId(input(musicInput(1))))).body();
        assertThat(second).isEqualTo(first);
        assertThat(unseeded).isNotEqualTo(first);
    }

    @Test
    void listShowsPredictionsNewestFirst() throws Exception {
        String older = createdId(input(musicInput(1)));
        String newer = createdId(input(musicInput(1)));
        HttpResponse<String> response = get(api("/predictions"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("next").isNull()).isTrue();
        List<String> ids = page.path("results").findValuesAsText("id");
        assertThat(ids).containsSubsequence(newer, older);
        assertThat(ids.get(0)).isEqualTo(newer);
    }

    // ------------------------------------------------------------ input validation

    @Test
    void aFractionalDurationIsRejectedWith422NamingTheField() throws Exception {
        ObjectNode in = musicInput(8);
        in.put("duration", 8.5);
        HttpResponse<String> response = create(input(in));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("title").asText()).isEqualTo("Invalid input");
        assertThat(body.path("status").asInt()).isEqualTo(422);
        assertThat(body.path("detail").asText()).contains("input.duration").contains("integer");
        assertThat(replicate.createdPredictions()).isZero();
    }

    @Test
    void aWholeNumberWrittenAsADecimalIsNotAnIntegerEither() throws Exception {
        ObjectNode in = musicInput(8);
        in.put("duration", 8.0);
        assertThat(create(input(in)).statusCode()).isEqualTo(422);
    }

    @Test
    void otherSchemaViolationsAre422() throws Exception {
        ObjectNode badVersion = input(musicInput(2)).put("version", "meta/musicgen");
        ObjectNode badModel = input(musicInput(2).put("model_version", "medium"));
        ObjectNode badContinuation = input(musicInput(2).put("continuation", "yes"));
        ObjectNode badStart = input(musicInput(2).put("continuation_start", -1));
        ObjectNode tooLong = input(musicInput(301));
        ObjectNode mp3 = input(musicInput(2).put("output_format", "mp3"));
        ObjectNode nullSeed = input(musicInput(2).putNull("seed"));

        for (ObjectNode body : List.of(badVersion, badModel, badContinuation, badStart, tooLong, mp3, nullSeed)) {
            HttpResponse<String> response = create(body);
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(422);
            assertThat(JSON.readTree(response.body()).path("title").asText()).isEqualTo("Invalid input");
        }
        assertThat(create("{not json").statusCode()).isEqualTo(400);
        assertThat(replicate.createdPredictions()).isZero();
    }

    @Test
    void semanticErrorsOfTheModelAreFailedPredictionsNotHttpErrors() throws Exception {
        ObjectNode noAudio = musicInput(4).put("continuation", true);
        ObjectNode melodyOnLarge = musicInput(4).put("input_audio", replicate.hostFile("tone.wav", tone(32_000, 2, 2).toWavBytes()));
        ObjectNode unreachable = musicInput(4).put("continuation", true)
                .put("input_audio", replicate.baseUrl().replace("/v1", "/files/missing.wav"));

        assertThat(awaitFailure(noAudio)).isEqualTo("Must provide `input_audio` if continuation is `True`.");
        assertThat(awaitFailure(melodyOnLarge)).contains("`stereo-large` and `large` model does not support melody input");
        assertThat(awaitFailure(unreachable)).contains("Failed to download input_audio").contains("404");
    }

    // ------------------------------------------------------------ continuation

    @Test
    void aContinuationStartsWithTheRequestedSliceOfItsInputAndLastsDurationInTotal() throws Exception {
        WavAudio source = noise(32_000, 2, 6);
        String url = replicate.hostFile("source.wav", source.toWavBytes());
        ObjectNode in = musicInput(8).put("continuation", true).put("input_audio", url)
                .put("continuation_start", 2).put("continuation_end", 5);

        WavAudio out = WavAudio.parse(download(awaitOutput(createdId(input(in)))).body());

        assertThat(out.frames()).isEqualTo(8 * 32_000);
        WavAudio expectedHead = source.slice(2 * 32_000, 5 * 32_000);
        assertThat(out.slice(0, 3 * 32_000).samples()).isEqualTo(expectedHead.samples());
        assertThat(out.slice(3 * 32_000, 8 * 32_000).rmsDbfs()).isGreaterThan(-35.0);
    }

    @Test
    void aContinuationOfAnEarlierOutputStartsWithItsTail() throws Exception {
        String first = awaitOutput(createdId(input(musicInput(5))));
        WavAudio firstAudio = WavAudio.parse(download(first).body());
        ObjectNode in = musicInput(6).put("continuation", true).put("input_audio", first).put("continuation_start", 3);

        WavAudio out = WavAudio.parse(download(awaitOutput(createdId(input(in)))).body());

        assertThat(out.frames()).isEqualTo(6 * 32_000);
        assertThat(out.slice(0, 2 * 32_000).samples()).isEqualTo(firstAudio.slice(3 * 32_000, 5 * 32_000).samples());
    }

    @Test
    void aContinuationOf48kMonoInputFromADataUrlIsConvertedTo32kStereo() throws Exception {
        WavAudio source = tone(48_000, 1, 3);
        String dataUrl = "data:audio/wav;base64," + Base64.getEncoder().encodeToString(source.toWavBytes());
        ObjectNode in = musicInput(4).put("continuation", true).put("input_audio", dataUrl).put("continuation_end", 2);

        WavAudio out = WavAudio.parse(download(awaitOutput(createdId(input(in)))).body());

        assertThat(out.sampleRate()).isEqualTo(32_000);
        assertThat(out.channels()).isEqualTo(2);
        assertThat(out.frames()).isEqualTo(4 * 32_000);
        for (int frame = 0; frame < 2 * 32_000; frame += 1000) {
            int expected = source.sample(frame * 3 / 2, 0);
            assertThat((int) out.sample(frame, 0)).isCloseTo(expected, org.assertj.core.data.Offset.offset(2));
            assertThat(out.sample(frame, 1)).isEqualTo(out.sample(frame, 0));
        }
    }

    @Test
    void aWindowNotShorterThanTheDurationFailsWithPromptIsLonger() throws Exception {
        String url = replicate.hostFile("six.wav", noise(32_000, 2, 6).toWavBytes());
        ObjectNode equal = musicInput(4).put("continuation", true).put("input_audio", url)
                .put("continuation_start", 1).put("continuation_end", 5);
        ObjectNode longer = musicInput(4).put("continuation", true).put("input_audio", url);

        assertThat(awaitFailure(equal)).isEqualTo("Prompt is longer than audio to generate");
        assertThat(awaitFailure(longer)).isEqualTo("Prompt is longer than audio to generate");
    }

    // ------------------------------------------------------------ faults

    @Test
    void throttledCreatesAnswer429WithRetryAfterInBodyAndOptionallyHeader() throws Exception {
        replicate.throttleNextCreates(1, 7, true);
        HttpResponse<String> withHeader = create(input(musicInput(2)));
        replicate.throttleNextCreates(1, 3, false);
        HttpResponse<String> withoutHeader = create(input(musicInput(2)));
        HttpResponse<String> afterwards = create(input(musicInput(2)));

        assertThat(withHeader.statusCode()).isEqualTo(429);
        assertThat(withHeader.headers().firstValue("Retry-After")).hasValue("7");
        JsonNode body = JSON.readTree(withHeader.body());
        assertThat(body.path("retry_after").asInt()).isEqualTo(7);
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("detail").asText()).isEqualTo("Request was throttled. Your rate limit resets in ~7s.");
        assertThat(withoutHeader.statusCode()).isEqualTo(429);
        assertThat(withoutHeader.headers().firstValue("Retry-After")).isEmpty();
        assertThat(JSON.readTree(withoutHeader.body()).path("retry_after").asInt()).isEqualTo(3);
        assertThat(afterwards.statusCode()).isEqualTo(201);
        assertThat(replicate.throttledCreates()).isEqualTo(2);
        assertThat(replicate.createRequests()).hasSize(3);
        assertThat(replicate.createdPredictions()).isEqualTo(1);
    }

    @Test
    void failedPollsAnswerTheInjectedStatusThenRecover() throws Exception {
        String id = createdId(input(musicInput(1)));
        replicate.failNextPolls(2, 500);

        HttpResponse<String> first = get(api("/predictions/" + id));
        HttpResponse<String> second = get(api("/predictions/" + id));
        HttpResponse<String> third = get(api("/predictions/" + id));

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(first.body()).path("status").asInt()).isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(third.body()).path("id").asText()).isEqualTo(id);
        assertThat(replicate.pollCount()).isEqualTo(3);
        assertThat(replicate.failedPolls()).isEqualTo(2);
    }

    @Test
    void aDroppedDownloadBreaksOffAndTheNextOneIsWhole() throws Exception {
        String output = awaitOutput(createdId(input(musicInput(2))));
        replicate.dropNextDownloads(1);

        Throwable dropped = catchThrowable(() -> {
            HttpResponse<byte[]> partial = download(output);
            // a client that does not check Content-Length would see a short body
            assertThat(partial.body().length).isLessThan(44 + 2 * 32_000 * 4);
            throw new IOException("short body: " + partial.body().length);
        });
        HttpResponse<byte[]> whole = download(output);

        assertThat(dropped).isInstanceOf(IOException.class);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(WavAudio.parse(whole.body()).frames()).isEqualTo(2 * 32_000);
        assertThat(replicate.downloadCount()).isEqualTo(2);
        assertThat(replicate.droppedDownloads()).isEqualTo(1);
    }

    @Test
    void injectedPredictionFailuresEndFailedWithTheGivenError() throws Exception {
        replicate.failNextPredictions(1, "CUDA out of memory");
        assertThat(awaitFailure(musicInput(2))).isEqualTo("CUDA out of memory");
        String next = createdId(input(musicInput(1)));
        assertThat(awaitOutput(next)).isNotBlank();
    }

    @Test
    void aStalledPredictionStaysProcessingUntilCanceled() throws Exception {
        replicate.setLatency(Duration.ofMillis(100));
        replicate.stallNextPredictions(1);
        String id = createdId(input(musicInput(2)));

        await().atMost(2, TimeUnit.SECONDS).until(() -> status(id), "processing"::equals);
        await().during(Duration.ofMillis(500)).atMost(2, TimeUnit.SECONDS)
                .until(() -> status(id), "processing"::equals);

        HttpResponse<String> cancel = send(authorized(api("/predictions/" + id + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.statusCode()).isEqualTo(200);
        JsonNode canceled = JSON.readTree(cancel.body());
        assertThat(canceled.path("status").asText()).isEqualTo("canceled");
        assertThat(canceled.path("completed_at").isNull()).isFalse();
        assertThat(canceled.path("output").isNull()).isTrue();
        assertThat(status(id)).isEqualTo("canceled");
        assertThat(replicate.canceledIds()).containsExactly(id);
    }

    @Test
    void cancelingAFinishedPredictionLeavesItSucceeded() throws Exception {
        String id = createdId(input(musicInput(1)));
        awaitOutput(id);
        HttpResponse<String> cancel = send(authorized(api("/predictions/" + id + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(JSON.readTree(cancel.body()).path("status").asText()).isEqualTo("succeeded");
        assertThat(replicate.canceledIds()).containsExactly(id);
    }

    @Test
    void aCreateThatDropsItsConnectionStillCreatesThePrediction() throws Exception {
        replicate.failNextCreatesAfterCreating(1);

        assertThatThrownBy(() -> create(input(musicInput(2)))).isInstanceOf(IOException.class);

        assertThat(replicate.createdPredictions()).isEqualTo(1);
        assertThat(replicate.droppedCreates()).isEqualTo(1);
        JsonNode newest = JSON.readTree(get(api("/predictions")).body()).path("results").get(0);
        assertThat(newest.path("input")).isEqualTo(musicInput(2));
        assertThat(awaitOutput(newest.path("id").asText())).isNotBlank();
        assertThat(create(input(musicInput(2))).statusCode()).isEqualTo(201);
    }

    // ------------------------------------------------------------ Prefer: wait

    @Test
    void preferWaitReturnsTheSucceededPredictionDirectly() throws Exception {
        replicate.setLatency(Duration.ofMillis(200));
        HttpResponse<String> response = send(authorized(api("/predictions"))
                .header("Prefer", "wait")
                .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(2)).toString())));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode p = JSON.readTree(response.body());
        assertThat(p.path("status").asText()).isEqualTo("succeeded");
        assertThat(p.path("output").asText()).endsWith(".wav");
    }

    @Test
    void preferWaitGivesUpAtTheConfiguredCapAndAnswersThePredictionAsItStands() throws Exception {
        replicate.setMaxPreferWait(Duration.ofMillis(300));
        replicate.stallNextPredictions(1);
        long before = System.nanoTime();
        HttpResponse<String> response = send(authorized(api("/predictions"))
                .header("Prefer", "wait=5")
                .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(2)).toString())));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("processing");
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @Test
    void manyConcurrentWaitingCreatesAllSucceed() throws Exception {
        replicate.setLatency(Duration.ofMillis(400));
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(HTTP.sendAsync(authorized(api("/predictions")).header("Prefer", "wait=10")
                    .POST(HttpRequest.BodyPublishers.ofString(input(musicInput(1)).toString())).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("succeeded");
        }
        assertThat(replicate.createdPredictions()).isEqualTo(40);
    }

    // ------------------------------------------------------------ data removal

    @Test
    void expiredFilesAnswer404AndThePredictionShowsDataRemoved() throws Exception {
        String id = createdId(input(musicInput(1)));
        String output = awaitOutput(id);
        assertThat(download(output).statusCode()).isEqualTo(200);

        replicate.expireFiles();

        assertThat(download(output).statusCode()).isEqualTo(404);
        JsonNode p = poll(id);
        assertThat(p.path("data_removed").asBoolean()).isTrue();
        assertThat(p.path("output").isNull()).isTrue();
        assertThat(p.path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void predictionsCreatedWithAShortRetentionLoseTheirDataOnTheirOwn() throws Exception {
        replicate.setDataRetention(Duration.ofMillis(200));
        try {
            String id = createdId(input(musicInput(1)));
            await().atMost(5, TimeUnit.SECONDS).until(() -> poll(id).path("data_removed").asBoolean());
            assertThat(download(replicate.outputUrl(id)).statusCode()).isEqualTo(404);
        } finally {
            replicate.setDataRetention(Duration.ofHours(1));
        }
    }

    // ------------------------------------------------------------ helpers of the fake

    @Test
    void cancelAfterAcceptsGoDurationsWithAFiveSecondFloor() {
        assertThat(FakeReplicate.cancelAfterNanos("1h30m")).isEqualTo(Duration.ofMinutes(90).toNanos());
        assertThat(FakeReplicate.cancelAfterNanos("30s")).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(FakeReplicate.cancelAfterNanos("45")).isEqualTo(Duration.ofSeconds(45).toNanos());
        assertThat(FakeReplicate.cancelAfterNanos("1s")).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(FakeReplicate.cancelAfterNanos(null)).isEqualTo(-1);
        assertThatThrownBy(() -> FakeReplicate.cancelAfterNanos("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetClearsFaultsAndCounters() throws Exception {
        replicate.throttleNextCreates(5, 1, true);
        create(input(musicInput(1)));
        replicate.reset();

        assertThat(replicate.throttledCreates()).isZero();
        assertThat(replicate.createRequests()).isEmpty();
        assertThat(create(input(musicInput(1))).statusCode()).isEqualTo(201);
    }

    // ------------------------------------------------------------ plumbing

    private static ObjectNode musicInput(int duration) {
        return JSON.createObjectNode()
                .put("model_version", "stereo-large")
                .put("prompt", "warm strings, cinematic")
                .put("duration", duration)
                .put("output_format", "wav");
    }

    private static ObjectNode input(ObjectNode in) {
        ObjectNode body = JSON.createObjectNode().put("version", FakeReplicate.DEFAULT_VERSION);
        body.set("input", in);
        return body;
    }

    private static URI api(String path) {
        return URI.create(replicate.baseUrl() + path);
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> create(JsonNode body) throws IOException, InterruptedException {
        return create(body.toString());
    }

    private static HttpResponse<String> create(String body) throws IOException, InterruptedException {
        return send(authorized(api("/predictions")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String createdId(JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = create(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(authorized(uri).GET());
    }

    private static JsonNode poll(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = get(api("/predictions/" + id));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String status(String id) throws IOException, InterruptedException {
        return poll(id).path("status").asText();
    }

    private static String awaitOutput(String id) throws IOException, InterruptedException {
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(25))
                .until(() -> FakePrediction.isTerminal(status(id)));
        JsonNode p = poll(id);
        assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("succeeded");
        return p.path("output").asText();
    }

    private static String awaitFailure(ObjectNode in) throws IOException, InterruptedException {
        String id = createdId(input(in));
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(25))
                .until(() -> FakePrediction.isTerminal(status(id)));
        JsonNode p = poll(id);
        assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("failed");
        assertThat(p.path("output").isNull()).isTrue();
        return p.path("error").asText();
    }

    private static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        // no Authorization: file URLs are public, like Replicate's delivery URLs
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Deterministic wide-band content, so a misplaced or shifted slice cannot match by accident. */
    private static WavAudio noise(int rate, int channels, int seconds) {
        short[] samples = new short[rate * channels * seconds];
        long state = 12345;
        for (int i = 0; i < samples.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            samples[i] = (short) (state >>> 48);
        }
        return new WavAudio(rate, channels, samples);
    }

    /** A smooth 220 Hz tone: linear interpolation reproduces it closely at another rate. */
    private static WavAudio tone(int rate, int channels, int seconds) {
        short[] samples = new short[rate * channels * seconds];
        for (int frame = 0; frame < rate * seconds; frame++) {
            short v = (short) Math.round(8000 * Math.sin(2 * Math.PI * 220 * frame / (double) rate));
            for (int c = 0; c < channels; c++) {
                samples[frame * channels + c] = v;
            }
        }
        return new WavAudio(rate, channels, samples);
    }
}
