package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.component.exec.ExecResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.NotAVideo;

/**
 * Probes a video with ffprobe on arrival, so that something that is not a video is refused at once rather than
 * failing a run later. Only real video containers are opened (no playlists, no concat lists, no images), and only
 * as a local file. Where there is no ffprobe ({@link FfmpegExecutables#probesWithFfmpeg()}), ffmpeg opens the file
 * with no output and its description of the input is read instead ({@link FfmpegInputDump}).
 */
public final class VideoProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDERR_TAIL = 300;
    /** What ffprobe says of a file in a format it may not open: "[hls @ 0x55e5] Format not on whitelist 'mov,...'". */
    private static final Pattern NOT_ON_WHITELIST = Pattern.compile("\\[(\\w+) @ [^\\]]*\\] Format not on whitelist");

    private final boolean withFfmpeg;

    /** Probes with ffprobe. */
    public VideoProbe() {
        this(false);
    }

    /** Probes with what {@code tools} has: ffprobe, or ffmpeg when there is none. */
    public VideoProbe(FfmpegExecutables tools) {
        this(tools.probesWithFfmpeg());
    }

    private VideoProbe(boolean withFfmpeg) {
        this.withFfmpeg = withFfmpeg;
    }

    /**
     * The probe's arguments for {@code file}: ffprobe's for its format and streams as JSON, or, without ffprobe,
     * ffmpeg's to open it and describe it (with no output, so nothing is decoded).
     */
    public List<String> command(Path file) {
        if (withFfmpeg) {
            List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "info"));
            args.addAll(FfmpegArgs.videoInput(file));
            return args;
        }
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-v", "error"));
        args.addAll(FfmpegArgs.videoInput(file));
        args.addAll(List.of("-print_format", "json", "-show_format", "-show_streams"));
        return args;
    }

    /**
     * The facts of the probed video, or a {@link NotAVideo} naming {@code what} (a file name or URL) and the
     * request field it came in.
     */
    public VideoFacts facts(ExecResult result, String field, String what) throws IOException {
        String stdout = read(result.getStdout());
        String stderr = read(result.getStderr()).strip();
        if (stdout.isBlank() && FfmpegInputDump.describesInput(stderr)) {
            // ffmpeg without an output: it opened the file, described it and stopped (exit 1)
            return facts(FfmpegInputDump.parse(stderr), field, what);
        }
        if (result.getExitValue() != 0) {
            Matcher format = NOT_ON_WHITELIST.matcher(stderr);
            if (format.find()) {
                throw new NotAVideo(field, what, "it is " + format.group(1) + ", not one of the video containers read here ("
                        + FfmpegArgs.VIDEO_FORMATS.replace(",", ", ") + ")");
            }
            String tool = result.getCommand() == null || result.getCommand().getExecutable() == null ? "ffprobe"
                    : Path.of(result.getCommand().getExecutable()).getFileName().toString();
            String said = stderr.isEmpty() ? tool + " exited with " + result.getExitValue() : lastLine(stderr);
            throw new NotAVideo(field, what, "it cannot be read as a video (" + said + ")");
        }
        return facts(JSON.readTree(stdout.isBlank() ? "{}" : stdout), field, what);
    }

    static VideoFacts facts(JsonNode probe, String field, String what) {
        JsonNode video = null;
        for (JsonNode stream : probe.path("streams")) {
            // cover art in an audio file is a "video" stream of one picture
            if ("video".equals(stream.path("codec_type").asText()) && stream.path("disposition").path("attached_pic").asInt() != 1) {
                video = stream;
                break;
            }
        }
        if (video == null) {
            throw new NotAVideo(field, what, "it has no video stream");
        }
        double duration = seconds(video.path("duration").asText(null));
        if (!(duration > 0)) {
            duration = clock(video.path("tags").path("DURATION").asText(null));
        }
        if (!(duration > 0)) {
            duration = seconds(probe.path("format").path("duration").asText(null));
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new NotAVideo(field, what, "its length cannot be read");
        }
        double rate = rate(video.path("avg_frame_rate").asText(null));
        if (!(rate > 0)) {
            rate = rate(video.path("r_frame_rate").asText(null));
        }
        String codec = video.path("codec_name").asText("unknown");
        boolean hasAudio = false;
        for (JsonNode stream : probe.path("streams")) {
            hasAudio |= "audio".equals(stream.path("codec_type").asText());
        }
        return new VideoFacts(duration, rate, video.path("width").asInt(), video.path("height").asInt(), codec,
                contentType(probe.path("format").path("format_name").asText(""), codec), hasAudio);
    }

    /** The media type a container is served as. */
    static String contentType(String formatName, String codec) {
        List<String> names = List.of(formatName.split(","));
        if (names.contains("mp4") || names.contains("mov")) {
            return "video/mp4";
        }
        if (names.contains("matroska") || names.contains("webm")) {
            return List.of("vp8", "vp9", "av1").contains(codec) ? "video/webm" : "video/x-matroska";
        }
        return switch (names.get(0)) {
            case "avi" -> "video/x-msvideo";
            case "flv" -> "video/x-flv";
            case "mpegts" -> "video/mp2t";
            case "mpeg" -> "video/mpeg";
            case "ogg" -> "video/ogg";
            case "asf" -> "video/x-ms-asf";
            case "mxf" -> "application/mxf";
            default -> "application/octet-stream";
        };
    }

    private static double seconds(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A Matroska DURATION tag: HH:MM:SS.fraction. */
    private static double clock(String text) {
        if (text == null || !text.matches("\\d+:\\d{2}:\\d{2}(\\.\\d+)?")) {
            return 0;
        }
        String[] parts = text.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2]);
    }

    /** A frame rate as ffprobe writes it, "30000/1001". */
    private static double rate(String text) {
        if (text == null || !text.contains("/")) {
            return seconds(text);
        }
        String[] parts = text.split("/");
        double den = seconds(parts[1]);
        return den == 0 ? 0 : seconds(parts[0]) / den;
    }

    private static String lastLine(String stderr) {
        String[] lines = stderr.split("\\R");
        String last = lines[lines.length - 1].strip();
        // ffprobe starts the line with the input's name, which means nothing to the client
        int colon = last.indexOf(": ");
        if (last.startsWith("file:") && colon > 0) {
            last = last.substring(colon + 2);
        }
        return last.length() > STDERR_TAIL ? last.substring(0, STDERR_TAIL) + "..." : last;
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
