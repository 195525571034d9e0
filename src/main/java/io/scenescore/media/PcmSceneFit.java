package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a scene's segment on its PCM, without FFmpeg: the pieces a source made (16-bit PCM WAVs, as Replicate's
 * MusicGen and the composer write them), each with its repeated window cut off the front, played in turn, then cut or
 * padded with silence to exactly the scene's length, written as a 16-bit PCM WAV at the pieces' own rate and
 * channels (the join resamples every segment to 44.1 kHz stereo). Silence is written at 44.1 kHz stereo. Pieces of
 * another kind (MP3, float or 24-bit samples, pieces that differ in rate or channels) are left to FFmpeg
 * ({@link SceneAudioCommands#fit}).
 */
public final class PcmSceneFit {

    /** The format of a WAV's samples and where they are in the file. */
    record PcmWav(int rate, int channels, long dataOffset, long dataBytes) {

        int frameBytes() {
            return channels * 2;
        }
    }

    /**
     * Writes {@code raw} cut or padded to exactly {@code seconds} at {@code out} when every piece is 16-bit PCM WAV of
     * one rate and channel count (or there is none: silence); false, writing nothing, when FFmpeg has to do it.
     */
    public boolean fit(RawAudio raw, double seconds, Path out) throws IOException {
        List<PcmWav> wavs = new ArrayList<>();
        for (Path piece : raw.pieces()) {
            PcmWav wav = read(piece);
            if (wav == null || (!wavs.isEmpty() && (wav.rate() != wavs.get(0).rate() || wav.channels() != wavs.get(0).channels()))) {
                return false;
            }
            wavs.add(wav);
        }
        int rate = wavs.isEmpty() ? SceneAudioCommands.SAMPLE_RATE : wavs.get(0).rate();
        int channels = wavs.isEmpty() ? 2 : wavs.get(0).channels();
        int frameBytes = channels * 2;
        long frames = Math.round(seconds * rate);
        long dataBytes = frames * frameBytes;
        if (dataBytes + 36 > 0xFFFFFFFFL) {
            return false;
        }
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write(header(rate, channels, dataBytes));
            long left = dataBytes;
            for (int i = 0; i < wavs.size() && left > 0; i++) {
                PcmWav wav = wavs.get(i);
                long skip = Math.min(wav.dataBytes(), (long) raw.skipSeconds().get(i) * rate * frameBytes);
                long take = Math.min(left, wav.dataBytes() - skip);
                try (InputStream in = Files.newInputStream(raw.pieces().get(i))) {
                    in.skipNBytes(wav.dataOffset() + skip);
                    copy(in, o, take);
                }
                left -= take;
            }
            byte[] silence = new byte[1 << 16];
            while (left > 0) {
                int n = (int) Math.min(silence.length, left);
                o.write(silence, 0, n);
                left -= n;
            }
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new MediaToolFailure("a piece ended before its data did");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** A 44-byte header of a 16-bit PCM WAV. */
    static byte[] header(int rate, int channels, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157)
                .putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                .putInt(0x61746164).putInt((int) dataBytes);
        return h.array();
    }

    /**
     * The samples of a 16-bit PCM WAV (plain, or WAVE_FORMAT_EXTENSIBLE with PCM inside), or null when {@code file} is
     * anything else. A data size that runs past the end of the file (a WAV written to a pipe) is cut to the file.
     */
    static PcmWav read(Path file) throws IOException {
        WavLength.Header header;
        try {
            header = WavLength.header(file);
        } catch (MediaToolFailure notWav) {
            return null;
        }
        ByteBuffer fmt = header.fmt();
        if (fmt == null || fmt.limit() < 16) {
            return null;
        }
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        boolean pcm = tag == 1 || (tag == 0xFFFE && fmt.limit() >= 26 && fmt.getShort(24) == 1);
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        int rate = fmt.getInt(4);
        if (!pcm || fmt.getShort(14) != 16 || rate <= 0 || channels <= 0) {
            return null;
        }
        long bytes = Math.min(header.dataSize(), Files.size(file) - header.dataOffset());
        return new PcmWav(rate, channels, header.dataOffset(), bytes - bytes % (channels * 2L));
    }

    /** The rate of a continuation window: MusicGen's own. */
    public static final int WINDOW_RATE = 32000;

    /**
     * The last {@code seconds} of a stored segment (all of it when shorter) as a mono 16-bit WAV at {@link #WINDOW_RATE}
     * at {@code out}, when the segment is a 16-bit PCM WAV at that rate (Replicate's pieces are); false, writing
     * nothing, when FFmpeg has to do it ({@link SceneAudioCommands#window}).
     */
    public boolean window(Path segment, int seconds, Path out) throws IOException {
        PcmWav wav = read(segment);
        if (wav == null || wav.rate() != WINDOW_RATE || wav.channels() > 2) {
            return false;
        }
        long frames = Math.min(wav.dataBytes() / wav.frameBytes(), (long) seconds * WINDOW_RATE);
        long from = wav.dataOffset() + wav.dataBytes() - frames * wav.frameBytes();
        byte[] in;
        try (InputStream stream = Files.newInputStream(segment)) {
            stream.skipNBytes(from);
            in = stream.readNBytes((int) (frames * wav.frameBytes()));
        }
        ByteBuffer source = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer mono = ByteBuffer.allocate((int) frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (long f = 0; f < frames; f++) {
            // a stereo frame is mixed down as the average of its channels
            int sample = wav.channels() == 2 ? (source.getShort() + source.getShort()) / 2 : source.getShort();
            mono.putShort((short) sample);
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(header(WINDOW_RATE, 1, frames * 2));
            o.write(mono.array());
        }
        return true;
    }
}
