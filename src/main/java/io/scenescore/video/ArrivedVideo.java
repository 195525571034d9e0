package io.scenescore.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scenescore.media.VideoFacts;

/**
 * A video that came with a request, on local disk: uploaded (Vert.x's temp file, gone when the answer is sent)
 * or fetched from video_url (staged by us, deleted when the request is done). {@code facts} once probed.
 */
public record ArrivedVideo(Path file, String fileName, long sizeBytes, String field, VideoFacts facts) {

    public ArrivedVideo probed(VideoFacts probed) {
        return new ArrivedVideo(file, fileName, sizeBytes, field, probed);
    }

    /** The same, with its size read from the file. */
    public ArrivedVideo withSize() throws IOException {
        return new ArrivedVideo(file, fileName, Files.size(file), field, facts);
    }

    /** How to name it to the client: its file name, else the field it came in. */
    public String what() {
        return fileName != null && !fileName.isBlank() ? fileName : field;
    }
}
