package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestVideos;
import io.scenescore.support.ToneLevels;
import io.scenescore.support.VideoApi;

/**
 * audio_params.mix with real media, end to end: a 14 s video with two lines of real speech (espeak-ng) starting at 3 s
 * and 9 s, high-passed above 300 Hz; music that is a 100 Hz tone from the fake Replicate. The two are told apart in
 * the merged video's audio: the tone by a Goertzel filter at 100 Hz (0.1-2 s windows), the speech by its RMS through
 * the same 8th-order high-pass at 300 Hz (which takes the tone 76 dB down). The one overall gain g that masters the
 * mix is read off the tone where nobody speaks (mix against the delivered soundtrack); then:
 * <ul>
 * <li>duck: the tone is duck_db lower inside the speech, fully down 0.1-0.2 s after a line starts and back within
 * 1 dB 1 s after it ends; the speech is the original's plus g, within 1 dB;</li>
 * <li>blend: the tone sits at music_gain_db (tone change minus speech change), inside and outside the speech;</li>
 * <li>replace: no speech at all; FFmpeg's volumedetect reads the same level where the speech was as elsewhere;</li>
 * <li>every merged video lands within 0.5 LU of -14 LUFS with its true peak at or under -1 dBTP (ebur128), as the
 * status document reports;</li>
 * <li>a video without sound gets replace, saying so when duck was asked for.</li>
 * </ul>
 */
class MixUnderVideoIT {

    static final String TOKEN = "r8_mix_under_video";
    static final double SECONDS = 14;
    static final double TONE_HZ = 100, TONE_DBFS = -18, HIGHPASS_HZ = 300;
    static final String HIGHPASS = "highpass=f=300,highpass=f=300,highpass=f=300,highpass=f=300";
    static final List<TestVideos.Line> LINES = List.of(
            new TestVideos.Line(3.0, "The harbour wakes before the sun and the boats go out."),
            new TestVideos.Line(9.0, "By noon the market is loud with voices."));

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "100",
            "scenescore.replicate.poll.max-ms", "300")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;
    static Path speechVideo;
    static ToneLevels originalSpeech;
    /** Where each line sounds in the source video: first and last 10 ms above -50 dBFS. */
    static final List<double[]> spans = new ArrayList<>();

    @BeforeAll
    static void makeTheVideo(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestVideos.espeak().isPresent(),
                "espeak-ng is not installed (apt-get install espeak-ng; scripts/install-prerequisites.sh does it)");
        speechVideo = TestVideos.mp4WithSpokenLines(tmp.resolve("harbour.mp4"), SECONDS, 25, HIGHPASS_HZ, LINES);
        originalSpeech = ToneLevels.of(speechVideo, HIGHPASS);
        for (int i = 0; i < LINES.size(); i++) {
            double until = i + 1 < LINES.size() ? LINES.get(i + 1).at() : SECONDS;
            double onset = originalSpeech.firstAbove(-50, LINES.get(i).at() - 0.05);
            spans.add(new double[] {onset, originalSpeech.lastAbove(-50, until)});
        }
        assertThat(spans.get(0)[0]).as("the first line starts when it was put").isCloseTo(3.0, within(0.05));
        assertThat(spans.get(1)[0]).as("the second line too").isCloseTo(9.0, within(0.05));
        assertThat(spans.get(0)[1] + 1.3).as("room after each line to hear the music come back").isLessThan(9.0 - 0.1);
        assertThat(spans.get(1)[1] + 1.3).isLessThan(SECONDS);
        replicate.playPureTone(TONE_HZ, TONE_DBFS);
        replicate.setLatency(Duration.ofMillis(200));
    }

    /** What one merge made: the status, the merged video, the delivered soundtrack. */
    record Merged(JsonNode status, Path video, Path soundtrack, ToneLevels all, ToneLevels speech, ToneLevels music) {

        /** g: the tone where nobody speaks, in the mix against the delivered soundtrack. */
        double overallGain() {
            return all.tone(TONE_HZ, 0.5, 2.0) - music.tone(TONE_HZ, 0.5, 2.0);
        }

        /** The speech's level change over a line, against the source video. */
        double speechChange(double[] span) {
            return speech.rms(span[0], span[1] - span[0]) - originalSpeech.rms(span[0], span[1] - span[0]);
        }
    }

    private static Merged merge(Path source, String mixParams, Path tmp) throws Exception {
        String jobId = VideoApi.createJob(service, """
                {"storyboard": {"scenes": [{"description": "a harbour town from dawn to noon", "duration": %s}]}}""".formatted(SECONDS),
                source, "harbour.mp4");
        service.generate("""
                {"job_id": "%s", "audio_params": {"merge_with_video": true, "output_format": "wav", "seed": 7%s}}""".formatted(jobId, mixParams));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(180));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        Path video = tmp.resolve("merged.mp4");
        HttpResponse<Path> download = VideoApi.downloadVideo(service, jobId, video);
        assertThat(download.statusCode()).isEqualTo(200);
        Path soundtrack = service.download(jobId, tmp.resolve("soundtrack.wav"));
        return new Merged(status, video, soundtrack, ToneLevels.of(video, null), ToneLevels.of(video, HIGHPASS), ToneLevels.of(soundtrack, null));
    }

    private static void assertMasteredToStreaming(Merged merged) throws Exception {
        assertMasteredTo(merged, -14.0);
    }

    private static void assertMasteredTo(Merged merged, double integrated) throws Exception {
        MediaProbe.Loudness measured = MediaProbe.loudness(merged.video());
        assertThat(measured.integrated()).as("the merged video's integrated loudness").isCloseTo(integrated, within(0.5));
        assertThat(measured.truePeak()).as("its true peak").isLessThanOrEqualTo(-1.0);
        JsonNode reported = merged.status().at("/video/loudness");
        assertThat(reported.path("integrated_lufs").asDouble()).as(merged.status().toString()).isCloseTo(measured.integrated(), within(0.3));
        assertThat(reported.path("true_peak_dbtp").asDouble()).isLessThanOrEqualTo(-1.0);
        assertThat(reported.path("range_lu").isNumber()).isTrue();
        assertThat(MediaProbe.duration(merged.video())).isCloseTo(SECONDS, within(0.05));
        System.out.printf(Locale.ROOT, "%s: merged video %.1f LUFS, true peak %.1f dBTP (status: %s)%n",
                merged.status().at("/video/mix").asText(), measured.integrated(), measured.truePeak(), reported);
    }

    @Test
    void duckIsTheDefaultAndLowersTheMusicByDuckDbUnderTheSpeechKeepingTheSpeech(@TempDir Path tmp) throws Exception {
        Merged merged = merge(speechVideo, "", tmp);

        assertThat(merged.status().at("/video/mix").asText()).isEqualTo("duck");
        assertThat(merged.status().at("/video/mix_note").isNull()).isTrue();
        double g = merged.overallGain();
        double outside = merged.all().tone(TONE_HZ, 0.5, 2.0);
        for (double[] span : spans) {
            double inside = merged.all().tone(TONE_HZ, span[0] + 0.3, span[1] - span[0] - 0.6);
            double attack = merged.all().tone(TONE_HZ, span[0] + 0.1, 0.1);
            double release = merged.all().tone(TONE_HZ, span[1] + 1.0, 0.2);
            double speech = merged.speechChange(span);
            System.out.printf(Locale.ROOT, "duck: line %.2f-%.2f s: tone outside %.1f dBFS, inside %.1f (%.1f dB lower), "
                            + "0.1-0.2 s in %.1f, 1.0-1.2 s after %.1f; speech %+.2f dB against overall gain %+.2f dB%n",
                    span[0], span[1], outside, inside, outside - inside, attack, release, speech, g);
            assertThat(outside - inside).as("the tone under the speech is lowered by duck_db").isCloseTo(15, within(1.0));
            assertThat(outside - attack).as("fully down 0.1-0.2 s after the speech starts").isGreaterThanOrEqualTo(14);
            assertThat(release).as("back within 1 dB 1 s after the speech stops").isGreaterThanOrEqualTo(outside - 1);
            assertThat(speech).as("the speech kept: only the overall gain").isCloseTo(g, within(1.0));
        }
        assertMasteredToStreaming(merged);
    }

    @Test
    void aDeeperDuckDbDucksDeeper(@TempDir Path tmp) throws Exception {
        Merged merged = merge(speechVideo, ", \"mix\": \"duck\", \"duck_db\": 24", tmp);

        double outside = merged.all().tone(TONE_HZ, 0.5, 2.0);
        double[] span = spans.get(0);
        double inside = merged.all().tone(TONE_HZ, span[0] + 0.3, span[1] - span[0] - 0.6);
        assertThat(outside - inside).isCloseTo(24, within(1.0));
        assertThat(merged.status().at("/audio_params/duck_db").asDouble()).isEqualTo(24);
    }

    /**
     * At the broadcast target: with the music 10 dB down the speech carries the loudness, and this speech's peaks stand
     * 17 dB over its loudness; the streaming target (-14 LUFS under -1 dBTP) leaves room for 13, so there the limiter
     * shaves the speech's peaks (measured: the tone 7.5 dB up, the speech's RMS only 4.6) and the two can no longer be
     * read apart by a single gain. At -23 LUFS one gain does it all.
     */
    @Test
    void blendPutsTheMusicAtMusicGainDbUnderTheSpeech(@TempDir Path tmp) throws Exception {
        Merged merged = merge(speechVideo, ", \"mix\": \"blend\", \"music_gain_db\": -10, \"loudness\": \"broadcast\"", tmp);

        assertThat(merged.status().at("/video/mix").asText()).isEqualTo("blend");
        double toneChange = merged.overallGain();
        for (double[] span : spans) {
            double g = merged.speechChange(span);
            double inside = merged.all().tone(TONE_HZ, span[0] + 0.3, span[1] - span[0] - 0.6);
            System.out.printf(Locale.ROOT, "blend: line %.2f-%.2f s: tone %+.2f dB against the soundtrack, speech (the overall gain) %+.2f dB: "
                    + "music at %+.2f dB; tone inside %.1f, outside %.1f dBFS%n", span[0], span[1], toneChange, g, toneChange - g,
                    inside, merged.all().tone(TONE_HZ, 0.5, 2.0));
            assertThat(toneChange - g).as("the music at music_gain_db under the speech").isCloseTo(-10, within(1.0));
            assertThat(inside).as("not ducked").isCloseTo(merged.all().tone(TONE_HZ, 0.5, 2.0), within(0.5));
        }
        assertMasteredTo(merged, -23.0);
    }

    @Test
    void replaceLaysTheMusicAloneWithoutTheSpeech(@TempDir Path tmp) throws Exception {
        Merged merged = merge(speechVideo, ", \"mix\": \"replace\"", tmp);

        assertThat(merged.status().at("/video/mix").asText()).isEqualTo("replace");
        for (double[] span : spans) {
            assertThat(merged.speech().rms(span[0], span[1] - span[0])).as("no speech above 300 Hz").isLessThan(-70);
            assertThat(MediaProbe.meanVolume(merged.video(), span[0], span[1] - span[0])).as("volumedetect where the speech was")
                    .isCloseTo(MediaProbe.meanVolume(merged.video(), 0.5, 2.0), within(0.5));
        }
        assertMasteredToStreaming(merged);
    }

    @Test
    void aVideoWithoutSoundGetsReplaceAndSaysSoWhenDuckWasAskedFor(@TempDir Path tmp) throws Exception {
        Path silent = TestVideos.mp4WithoutAudio(tmp.resolve("silent.mp4"), SECONDS, 25);
        Merged merged = merge(silent, ", \"mix\": \"duck\"", tmp);

        assertThat(merged.status().at("/video/mix").asText()).isEqualTo("replace");
        assertThat(merged.status().at("/video/mix_note").asText()).contains("no sound of its own").contains("instead of duck");
        assertThat(merged.all().tone(TONE_HZ, 3.5, 2.0)).as("the music throughout").isCloseTo(merged.all().tone(TONE_HZ, 0.5, 2.0), within(0.5));
        assertMasteredToStreaming(merged);
    }
}
