package io.scenescore.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.scenescore.job.AudioParams;
import io.scenescore.media.FadeFilterGraph;
import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.MuxCommand;
import io.scenescore.media.WavLength;
import io.scenescore.video.VideoFiles;

/**
 * The run's soundtrack: the FFmpeg join of its pieces (measuring its loudness in the same run), the one lossy
 * encode that masters it to audio_params.loudness, the measure of what is delivered, and the mux under the video.
 */
public final class Soundtracks {

    private final FadeFilterGraph joins = new FadeFilterGraph();
    private final LoudnessCommands loudness = new LoudnessCommands();
    private final MuxCommand muxes = new MuxCommand();
    private final WavLength wavLength = new WavLength();

    /** The join into the uncompressed WAV, measuring its loudness too when the run has a target. */
    public List<String> joinCommand(Run run) {
        RunPlan plan = run.plan();
        AudioParams params = plan.params();
        ScoreSheet sheet = run.sheet();
        return joins.joinCommand(sheet.files(), sheet.durations(), params.fadeDuration(), params.transition(),
                plan.joinedFile(), params.loudnessTarget().applies() ? LoudnessCommands.measureFilter() : null);
    }

    /** What the join measured: the gain the run is mastered with starts from it. */
    public void joinMeasured(Run run, FfmpegOutcome.Finished join) {
        run.masterWith(loudness.gain(run.params().loudnessTarget(), loudness.parse(join.stderr())));
    }

    /** A try of the mastering gain through the limiter, measured (no encode). */
    public List<String> trialCommand(Run run) {
        return loudness.trialCommand(run.plan().joinedFile(), run.mastering());
    }

    /** What a try measured: the gain is adjusted by what is missing. */
    public void tried(Run run, FfmpegOutcome.Finished trial) {
        run.mastering().tried(loudness.parse(trial.stderr()));
    }

    /** The one lossy encode (or the WAV written), mastered to the run's loudness target. */
    public List<String> encodeCommand(Run run) {
        RunPlan plan = run.plan();
        return loudness.encodeCommand(plan.joinedFile(), run.mastering(), plan.params().outputFormat(), plan.soundtrackFile());
    }

    /** Measures the delivered file, for the status document. */
    public List<String> measureCommand(Run run) {
        return loudness.measureCommand(run.plan().soundtrackFile());
    }

    /**
     * The soundtrack as stored: its length is the joined WAV's, sample-exact, where an MP3's frames round it up;
     * its loudness is what {@code measured} found in the delivered file.
     */
    public Soundtrack joined(Run run, FfmpegOutcome.Finished measured) throws IOException, NoSuchAlgorithmException {
        RunPlan plan = run.plan();
        Path file = plan.soundtrackFile();
        Soundtrack soundtrack = new Soundtrack(file, plan.params().outputFormat(), wavLength.seconds(plan.joinedFile()),
                Files.size(file), etag(file), loudness.parse(measured.stderr()));
        run.joined(soundtrack);
        return soundtrack;
    }

    /** The soundtrack laid under the video, fitted to it per sync_mode; the AAC is encoded from the joined WAV. */
    public List<String> muxCommand(Run run, VideoFiles.Merge video) {
        return muxes.command(video.source(), run.plan().joinedFile(), run.soundtrack().durationSeconds(), video.seconds(),
                run.params().syncMode(), video.muxed());
    }

    /** A strong ETag for stored bytes: their SHA-256, shortened. */
    static String etag(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
