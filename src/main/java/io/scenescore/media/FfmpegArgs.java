package io.scenescore.media;

import java.nio.file.Path;
import java.util.List;

/** What every FFmpeg run starts with: quiet, overwrite our own scratch files, read local files only. */
final class FfmpegArgs {

    /**
     * The demuxers a video may be opened with: real containers only. Playlists (hls), concat lists and the like
     * can name other files or URLs, and a video's bytes come from outside.
     */
    static final String VIDEO_FORMATS = "mov,matroska,avi,flv,mpegts,mpeg,ogg,asf,mxf";

    private FfmpegArgs() {
    }

    static List<String> base() {
        return List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-protocol_whitelist", "file,pipe,fd");
    }

    /**
     * An input that is a local file the service wrote. FFmpeg applies -protocol_whitelist to the one input it
     * precedes, so every input carries its own.
     */
    static List<String> localInput(Path file) {
        return List.of("-protocol_whitelist", "file", "-i", "file:" + file);
    }

    /** A video input: a local file, opened only as one of {@link #VIDEO_FORMATS}. */
    static List<String> videoInput(Path file) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", VIDEO_FORMATS, "-i", "file:" + file);
    }
}
