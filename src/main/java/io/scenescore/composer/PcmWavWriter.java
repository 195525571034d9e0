package io.scenescore.composer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes interleaved float samples (-1..1) as a 16-bit PCM little-endian WAV file with a plain 44-byte header.
 * The file is written beside the target under a temporary name and moved into place, so a reader never sees a
 * half-written WAV.
 */
final class PcmWavWriter {

    private PcmWavWriter() {
    }

    static void write(Path target, float[] samples, int channels, int sampleRate) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                writeTo(out, samples, channels, sampleRate);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void writeTo(OutputStream out, float[] samples, int channels, int sampleRate) throws IOException {
        long dataBytes = 2L * samples.length;
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IOException("too much audio for one WAV file: " + dataBytes + " bytes");
        }
        byte[] header = new byte[44];
        ascii(header, 0, "RIFF");
        int32(header, 4, (int) (36 + dataBytes));
        ascii(header, 8, "WAVE");
        ascii(header, 12, "fmt ");
        int32(header, 16, 16);
        int16(header, 20, 1);
        int16(header, 22, channels);
        int32(header, 24, sampleRate);
        int32(header, 28, sampleRate * channels * 2);
        int16(header, 32, channels * 2);
        int16(header, 34, 16);
        ascii(header, 36, "data");
        int32(header, 40, (int) dataBytes);
        out.write(header);

        byte[] chunk = new byte[1 << 15];
        int used = 0;
        for (float sample : samples) {
            int value = (int) Math.max(-32768, Math.min(32767, Math.round(sample * 32767.0)));
            chunk[used++] = (byte) value;
            chunk[used++] = (byte) (value >> 8);
            if (used == chunk.length) {
                out.write(chunk, 0, used);
                used = 0;
            }
        }
        out.write(chunk, 0, used);
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void int16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void int32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}
