package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** How long a PCM WAV file lasts, read from its header: its data size over its byte rate. */
public final class WavLength {

    public double seconds(Path wav) throws IOException {
        try (InputStream in = Files.newInputStream(wav)) {
            ByteBuffer riff = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
            if (riff.limit() < 12 || riff.getInt(0) != 0x46464952 || riff.getInt(8) != 0x45564157) {
                throw new MediaToolFailure(wav.getFileName() + " is not a WAV file");
            }
            long byteRate = 0;
            while (true) {
                ByteBuffer header = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
                if (header.limit() < 8) {
                    throw new MediaToolFailure(wav.getFileName() + " has no data chunk");
                }
                int id = header.getInt(0);
                long size = Integer.toUnsignedLong(header.getInt(4));
                if (id == 0x20746d66) { // "fmt "
                    ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
                    byteRate = Integer.toUnsignedLong(fmt.getInt(8));
                    size = 0;
                } else if (id == 0x61746164) { // "data"
                    if (byteRate == 0) {
                        throw new MediaToolFailure(wav.getFileName() + " has data before its format");
                    }
                    return (double) size / byteRate;
                }
                in.skipNBytes(size + (size & 1));
            }
        }
    }
}
