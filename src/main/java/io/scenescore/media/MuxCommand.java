package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The FFmpeg run that lays the soundtrack under the video: the video stream copied as it is (not re-encoded),
 * the audio (the uncompressed mix of {@link MixCommands}, already as long as the video) mastered with its gain and
 * encoded once to AAC 192 kb/s (never from the MP3), in an MP4 that starts playing before it has fully arrived;
 * {@code measured}, it also measures what goes into the encoder, on a branch of its own graph (the run asks for it
 * when a limiter acts or nothing was mastered: a gain alone moves the mix's measure by itself).
 */
public final class MuxCommand {

    public List<String> command(Path video, Path mixWav, MasteringGain gain, Path out, boolean measured) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        if (measured) {
            args.addAll(List.of("-loglevel", "info"));
        }
        // a corrupt source (a packet cut short, a broken file) fails the merge rather than making a broken video
        args.add("-xerror");
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(FfmpegArgs.localInput(mixWav));
        String mastered = gain != null && gain.applies()
                ? LoudnessCommands.filter(gain) + ",aresample=" + SceneAudioCommands.SAMPLE_RATE + ","
                : "";
        String graph = "[1:a]" + mastered + "aformat=channel_layouts=stereo"
                + (measured ? ",asplit=2[fitted][measure];[measure]" + LoudnessCommands.QUIET_METER + "[measured]" : "[fitted]");
        args.addAll(List.of(
                "-filter_complex", graph,
                // the first video stream only; the source's own audio, subtitles and data are left out
                "-map", "0:v:0", "-map", "[fitted]",
                "-c:v", "copy",
                "-c:a", "aac", "-b:a", "192k",
                "-movflags", "+faststart",
                "-f", "mp4", "file:" + out));
        if (measured) {
            args.addAll(List.of("-map", "[measured]", "-f", "null", "-"));
        }
        return args;
    }
}
