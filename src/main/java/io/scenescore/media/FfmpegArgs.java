package io.scenescore.media;

import java.util.List;

/** What every FFmpeg run starts with: quiet, overwrite our own scratch files, read local files only. */
final class FfmpegArgs {

    private FfmpegArgs() {
    }

    static List<String> base() {
        return List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-protocol_whitelist", "file,pipe,fd");
    }
}
