package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.camel.component.exec.ExecResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a probed video has sound of its own: an audio stream in what {@link VideoProbe#command} printed, ffprobe's
 * JSON or, where ffmpeg probes, its description of the input ("Stream #0:1(und): Audio: aac ...").
 */
public final class AudioStreams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUDIO_STREAM = Pattern.compile("(?m)^\\s+Stream #0:\\d+\\S*: Audio: ");

    public boolean present(ExecResult probe) throws IOException {
        String stdout = read(probe.getStdout());
        if (!stdout.isBlank()) {
            for (JsonNode stream : JSON.readTree(stdout).path("streams")) {
                if ("audio".equals(stream.path("codec_type").asText())) {
                    return true;
                }
            }
            return false;
        }
        return AUDIO_STREAM.matcher(read(probe.getStderr())).find();
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
