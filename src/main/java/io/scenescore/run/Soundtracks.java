package io.scenescore.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.scenescore.job.AudioParams;
import io.scenescore.media.DuckEnvelope;
import io.scenescore.media.FadeFilterGraph;
import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MasteringGain;
import io.scenescore.media.MixCommands;
import io.scenescore.media.MuxCommand;
import io.scenescore.media.PcmJoin;
import io.scenescore.media.VideoFacts;
import io.scenescore.media.WavLength;
import io.scenescore.video.VideoFiles;

/**
 * The run's soundtrack: the join of its pieces on their PCM, measured as it is written (FFmpeg's join, measuring in
 * the same run, when their rates or kinds differ), the one lossy encode that masters it to audio_params.loudness, the
 * measure of what is delivered; and the same for the video's audio: the music mixed under the video's own sound per
 * audio_params.mix, mastered in the one AAC encode, measured.
 */
public final class Soundtracks {

    private final FadeFilterGraph joins = new FadeFilterGraph();
    private final LoudnessCommands loudness = new LoudnessCommands();
    private final MuxCommand muxes = new MuxCommand();
    private final MixCommands mixes = new MixCommands();
    private final WavLength wavLength = new WavLength();
    private final PcmJoin pcmJoin = new PcmJoin();

    /**
     * Joins the pieces on their PCM into the uncompressed WAV when they share a rate, measuring it as it is written,
     * and finds the gain the run is mastered with from that measure: no FFmpeg run. False, joining nothing, when
     * FFmpeg has to join them ({@link #joinCommand}).
     */
    public boolean joinOnPcm(Run run) throws IOException {
        RunPlan plan = run.plan();
        LoudnessMeasure measured = pcmJoin.join(run.sheet().files(), plan.params().fadeDuration(), plan.params().transition(),
                plan.joinedFile());
        if (measured == null) {
            return false;
        }
        master(run, measured);
        return true;
    }

    /** FFmpeg's join into the uncompressed WAV, measuring it in the same run when the run has a target. */
    public List<String> joinCommand(Run run) {
        RunPlan plan = run.plan();
        AudioParams params = plan.params();
        ScoreSheet sheet = run.sheet();
        return joins.joinCommand(sheet.files(), sheet.durations(), params.fadeDuration(), params.transition(),
                plan.joinedFile(), params.loudnessTarget().applies() ? LoudnessCommands.measureFilter() : null);
    }

    /** What FFmpeg's join measured: the gain the run is mastered with. */
    public void joinMeasured(Run run, FfmpegOutcome.Finished join) {
        master(run, loudness.parse(join.stderr()));
    }

    /** The gain from what the join measured; when a limiter must hold the true peak, the ladder to measure it through. */
    private void master(Run run, LoudnessMeasure measured) {
        run.masterWith(loudness.gain(run.params().loudnessTarget(), measured));
    }

    /** The one more pass a limited soundtrack takes: the joined audio through the limiter at each rung, measured. */
    public List<String> ladderCommand(Run run) {
        return loudness.ladderCommand(run.plan().joinedFile(), run.mastering());
    }

    /** The soundtrack's mastering gain from the join's measure and its ladder's. */
    public void ladderMeasured(Run run, FfmpegOutcome.Finished ladder) {
        run.masterWith(loudness.throughLadder(run.mastering(), ladder.stderr()));
    }

    /**
     * The one lossy encode (or the WAV written), mastered to the run's loudness target; it measures what it encodes
     * unless the gain alone masters it, when the join's measure moved by the gain says it already.
     */
    public List<String> encodeCommand(Run run) {
        RunPlan plan = run.plan();
        return loudness.encodeCommand(plan.joinedFile(), run.mastering(), plan.params().outputFormat(), plan.soundtrackFile(),
                run.mastering().delivered() == null);
    }

    /**
     * The soundtrack as stored: its length is the joined WAV's, sample-exact, where an MP3's frames round it up;
     * its loudness is what the encode's own meter found in what it encoded ({@code encode}'s log), or, when the gain
     * alone mastered it, the join's measure moved by the gain.
     */
    public Soundtrack joined(Run run, FfmpegOutcome.Finished encode) throws IOException {
        RunPlan plan = run.plan();
        Path file = plan.soundtrackFile();
        LoudnessMeasure delivered = run.mastering().delivered();
        Soundtrack soundtrack = new Soundtrack(file, plan.params().outputFormat(), wavLength.seconds(plan.joinedFile()),
                delivered != null ? delivered : loudness.parse(encode.stderr()));
        run.joined(soundtrack);
        return soundtrack;
    }

    /**
     * Chooses how the soundtrack is laid under the video (audio_params.mix, else from the video): a video without
     * sound of its own gets replace, with a note when duck or blend was asked for.
     */
    public VideoMix chooseMix(Run run, VideoFacts facts) {
        AudioParams params = run.params();
        String applied = params.mixFor(facts.hasAudio());
        String note = params.mix() != null && !params.mix().equals(applied)
                ? "the video has no sound of its own: the music was laid alone (replace) instead of " + params.mix()
                : null;
        VideoMix mix = new VideoMix(applied, note);
        run.mixWith(mix);
        return mix;
    }

    /** Finds where the video's own track has sound (mix duck). */
    public List<String> soundCommand(Run run, VideoFiles.Merge video) {
        return mixes.soundCommand(video.source(), video.seconds());
    }

    /** Writes the duck envelope from where the video's track has sound. */
    public List<DuckEnvelope.Span> soundFound(Run run, VideoFiles.Merge video, FfmpegOutcome.Finished found) throws IOException {
        List<DuckEnvelope.Span> sounds = DuckEnvelope.sounds(found.stderr(), video.seconds());
        DuckEnvelope.write(run.plan().duckEnvelopeFile(), sounds, video.seconds(), run.params().duckDecibels());
        return sounds;
    }

    /** The music fitted to the video per sync_mode, at the soundtrack's mastered level, mixed under the video's sound; measured. */
    public List<String> mixCommand(Run run, VideoFiles.Merge video) {
        RunPlan plan = run.plan();
        return mixes.mixCommand(video.source(), plan.joinedFile(), run.mastering(), run.soundtrack().durationSeconds(), video.seconds(),
                plan.params().syncMode(), run.videoMix().getApplied(), plan.duckEnvelopeFile(), plan.params().musicGainDecibels(),
                plan.videoMixFile());
    }

    /**
     * What the mix measured: the merged video's audio is mastered to the run's loudness target from it, as the
     * soundtrack is; when a limiter must hold its true peak, the ladder to measure it through comes next.
     */
    public void mixMeasured(Run run, FfmpegOutcome.Finished mix) {
        run.videoMix().masterWith(loudness.gain(run.params().loudnessTarget(), loudness.parse(mix.stderr())));
    }

    /** The one more pass a limited mix takes: the mix through the limiter at each rung, measured (no encode). */
    public List<String> mixLadderCommand(Run run) {
        return loudness.ladderCommand(run.plan().videoMixFile(), run.videoMix().getMastering());
    }

    /** The merged video's mastering gain, from the mix's measure and its ladder's, as the soundtrack's is found. */
    public void mixLadderMeasured(Run run, FfmpegOutcome.Finished ladder) {
        VideoMix mix = run.videoMix();
        mix.masterWith(loudness.throughLadder(mix.getMastering(), ladder.stderr()));
    }

    /**
     * The mix, mastered, encoded once to AAC under the video stream copied as it is; measuring what it encodes unless
     * the gain alone masters it.
     */
    public List<String> muxCommand(Run run, VideoFiles.Merge video) {
        MasteringGain gain = run.videoMix().getMastering();
        return muxes.command(video.source(), run.plan().videoMixFile(), gain, video.muxed(), gain.delivered() == null);
    }

    /** What the merged video's audio measures: the mix's measure moved by the gain, or what the mux's own meter found. */
    public VideoMix muxed(Run run, FfmpegOutcome.Finished mux) {
        LoudnessMeasure reckoned = run.videoMix().getMastering().delivered();
        run.videoMix().delivered(reckoned != null ? reckoned : loudness.parse(mux.stderr()));
        return run.videoMix();
    }

}
