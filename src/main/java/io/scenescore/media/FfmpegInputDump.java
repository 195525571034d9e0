package io.scenescore.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Probing without ffprobe: reads what {@code ffmpeg -i FILE} (with no output) writes about its input on stderr,
 * "Input #0, mov,mp4,..., from ...", "Duration: 00:00:02.00", "Stream #0:0(und): Video: h264 ..., 320x240, 29.97 fps",
 * into the same shape as {@code ffprobe -print_format json -show_format -show_streams}, so that one reader serves
 * both. What ffmpeg does not print is left out: a stream's own duration (except Matroska's DURATION tag), so the
 * length is the container's; frame rates are printed rounded and read back as the NTSC fraction they stand for.
 */
final class FfmpegInputDump {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");
    private static final Pattern DURATION = Pattern.compile("^\\s+Duration: (N/A|\\d+:\\d{2}:\\d{2}(?:\\.\\d+)?)");
    private static final Pattern STREAM = Pattern.compile(
            "^\\s+Stream #0:(\\d+)(?:\\[0x[0-9a-fA-F]+\\])?(?:\\([^)]*\\))?: (Video|Audio|Subtitle|Data|Attachment): ([\\w-]+)(.*)$");
    private static final Pattern SIZE = Pattern.compile(", (\\d{1,5})x(\\d{1,5})(?=[ ,]|$)");
    private static final Pattern FPS = Pattern.compile(", (\\d+(?:\\.\\d+)?)(k?) fps");
    private static final Pattern TAG = Pattern.compile("^\\s+(\\S[^:]*?)\\s*: (.*)$");

    private FfmpegInputDump() {
    }

    /** True when ffmpeg opened its input and described it (it then exits 1 for want of an output). */
    static boolean describesInput(String stderr) {
        return stderr.lines().anyMatch(line -> INPUT.matcher(line).find());
    }

    /** ffprobe's JSON for the input ffmpeg described in {@code stderr}. */
    static ObjectNode parse(String stderr) {
        ObjectNode probe = JSON.createObjectNode();
        ObjectNode format = probe.putObject("format");
        var streams = probe.putArray("streams");
        ObjectNode stream = null;
        boolean inStreamMetadata = false;
        for (String line : stderr.split("\\R")) {
            Matcher m;
            if ((m = INPUT.matcher(line)).find()) {
                format.put("format_name", m.group(1));
            } else if ((m = DURATION.matcher(line)).find()) {
                stream = null;
                if (!m.group(1).equals("N/A")) {
                    format.put("duration", String.valueOf(clock(m.group(1))));
                }
            } else if ((m = STREAM.matcher(line)).find()) {
                stream = streams.addObject();
                inStreamMetadata = false;
                stream.put("index", Integer.parseInt(m.group(1)));
                stream.put("codec_type", m.group(2).toLowerCase());
                stream.put("codec_name", m.group(3));
                String rest = m.group(4);
                Matcher size = SIZE.matcher(rest);
                if (m.group(2).equals("Video") && size.find()) {
                    stream.put("width", Integer.parseInt(size.group(1)));
                    stream.put("height", Integer.parseInt(size.group(2)));
                }
                Matcher fps = FPS.matcher(rest);
                if (fps.find()) {
                    stream.put("avg_frame_rate", rate(Double.parseDouble(fps.group(1)) * (fps.group(2).isEmpty() ? 1 : 1000)));
                }
                stream.putObject("disposition").put("attached_pic", rest.contains("(attached pic)") ? 1 : 0);
            } else if (stream != null && line.strip().equals("Metadata:")) {
                inStreamMetadata = true;
            } else if (stream != null && inStreamMetadata && (m = TAG.matcher(line)).find()) {
                ObjectNode tags = stream.has("tags") ? (ObjectNode) stream.get("tags") : stream.putObject("tags");
                tags.put(m.group(1).strip(), m.group(2).strip());
            } else if (!line.startsWith(" ")) {
                stream = null;
            }
        }
        return probe;
    }

    /** HH:MM:SS.ff in seconds. */
    private static double clock(String text) {
        String[] parts = text.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2]);
    }

    /** A printed rate as a fraction: 29.97 is 30000/1001, 25 is 25/1. */
    static String rate(double printed) {
        for (int nominal : new int[] {24, 30, 48, 60, 120, 240}) {
            double ntsc = nominal * 1000.0 / 1001.0;
            if (Math.abs(printed - ntsc) < 0.006) {
                return nominal * 1000 + "/1001";
            }
        }
        if (printed == Math.rint(printed)) {
            return (long) printed + "/1";
        }
        return Math.round(printed * 1000) + "/1000";
    }
}
