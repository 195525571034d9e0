package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** How long a PCM WAV file lasts, read from its header: its data size over its byte rate. */
public final class WavLength {

    /**
     * A WAV file's chunks up to its data: the "fmt " chunk's bytes (null when the data came first), where the data
     * starts and the size its header gives.
     */
    record Header(ByteBuffer fmt, long dataOffset, long dataSize) {
    }

    public double seconds(Path wav) throws IOException {
        Header header = header(wav);
        if (header.fmt() == null) {
            throw new MediaToolFailure(wav.getFileName() + " has data before its format");
        }
        return (double) header.dataSize() / Integer.toUnsignedLong(header.fmt().getInt(8));
    }

    /** Walks the RIFF chunks of {@code wav} to its data chunk; MediaToolFailure when it is no WAV or has no data. */
    static Header header(Path wav) throws IOException {
        try (InputStream in = Files.newInputStream(wav)) {
            ByteBuffer riff = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
            if (riff.limit() < 12 || riff.getInt(0) != 0x46464952 || riff.getInt(8) != 0x45564157) {
                throw new MediaToolFailure(wav.getFileName() + " is not a WAV file");
            }
            long at = 12;
            ByteBuffer fmt = null;
            while (true) {
                ByteBuffer chunk = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
                if (chunk.limit() < 8) {
                    throw new MediaToolFailure(wav.getFileName() + " has no data chunk");
                }
                at += 8;
                int id = chunk.getInt(0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (id == 0x61746164) { // "data"
                    return new Header(fmt, at, size);
                }
                if (id == 0x20746d66) { // "fmt "
                    fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
                    in.skipNBytes(size & 1);
                } else {
                    in.skipNBytes(size + (size & 1));
                }
                at += size + (size & 1);
            }
        }
    }
}
