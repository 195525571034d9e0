package io.scenescore.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
 * Joins a run's scene segments on their PCM, without FFmpeg, as {@link FadeFilterGraph}'s graphs do (fades: each piece
 * fades out at its end and the next in at its start, linearly; crossfades: each join overlaps the end of one piece and
 * the start of the next by the fade, on quarter-sine curves), into a 16-bit stereo PCM WAV at the pieces' own rate,
 * measuring what it writes with {@link LoudnessMeter} as it goes; the encode brings it to 44.1 kHz. A piece of
 * silence at another rate (a failed scene's) is silence of its length at theirs; pieces of mixed rates otherwise, or
 * not 16-bit PCM WAVs of one or two channels, are left to FFmpeg. A mono piece is spread over both channels 3 dB down,
 * as FFmpeg's resampler does.
 */
public final class PcmJoin {

    private static final int CHUNK_FRAMES = 8192;
    private static final double MONO_IN_STEREO = Math.sqrt(0.5);

    /**
     * Writes the join of {@code pieces} at {@code joinedWav} and answers what it measures; null, writing nothing, when
     * FFmpeg has to join them.
     */
    public LoudnessMeasure join(List<Path> pieces, double fade, String transition, Path joinedWav) throws IOException {
        List<PcmSceneFit.PcmWav> wavs = new ArrayList<>();
        int channels = 2;
        for (Path piece : pieces) {
            PcmSceneFit.PcmWav wav = PcmSceneFit.read(piece);
            if (wav == null || wav.channels() > 2 || wav.rate() % 10 != 0 || wav.rate() < 8000) {
                return null;
            }
            wavs.add(wav);
        }
        if (wavs.isEmpty()) {
            return null;
        }
        Integer rate = soundingRate(pieces, wavs);
        if (rate == null) {
            return null;
        }
        // a piece at another rate is silence (a failed scene's): silence of its length at the join's rate
        long[] frames = new long[wavs.size()];
        for (int i = 0; i < wavs.size(); i++) {
            PcmSceneFit.PcmWav wav = wavs.get(i);
            frames[i] = wav.dataBytes() / wav.frameBytes();
            if (wav.rate() != rate) {
                frames[i] = Math.round(frames[i] * (double) rate / wav.rate());
            }
        }
        boolean crossfade = "crossfade".equals(transition) && pieces.size() > 1 && fade > 0;
        int overlap = (int) Math.round(fade * rate);
        long total = 0;
        for (int i = 0; i < frames.length; i++) {
            // a crossfaded piece gives the overlap to each neighbour it has
            int overlaps = crossfade ? (i > 0 ? 1 : 0) + (i < frames.length - 1 ? 1 : 0) : 0;
            if (frames[i] < (long) overlap * overlaps) {
                return null;
            }
            total += frames[i];
        }
        if (crossfade) {
            total -= (long) overlap * (pieces.size() - 1);
        }
        long dataBytes = total * channels * 2;
        if (dataBytes + 36 > 0xFFFFFFFFL) {
            return null;
        }
        LoudnessMeter meter = new LoudnessMeter(rate, channels);
        try (Output out = new Output(joinedWav, meter, channels)) {
            out.header(PcmSceneFit.header(rate, channels, dataBytes));
            short[] tail = new short[0];
            for (int i = 0; i < pieces.size(); i++) {
                try (Piece piece = new Piece(pieces.get(i), wavs.get(i), channels, frames[i], wavs.get(i).rate() != rate)) {
                    long length = piece.frames;
                    if (crossfade) {
                        long from = 0;
                        if (i > 0) {
                            short[] head = piece.read(overlap);
                            for (int k = 0; k < overlap; k++) {
                                double out0 = Math.sin((overlap - 1 - k) / (double) overlap * Math.PI / 2);
                                double in1 = Math.sin(k / (double) overlap * Math.PI / 2);
                                for (int c = 0; c < channels; c++) {
                                    int at = k * channels + c;
                                    head[at] = clip(tail[at] * out0 + head[at] * in1);
                                }
                            }
                            out.write(head, overlap);
                            from = overlap;
                        }
                        long keep = i < pieces.size() - 1 ? overlap : 0;
                        piece.copy(length - from - keep, out);
                        if (keep > 0) {
                            tail = piece.read(overlap);
                        }
                    } else {
                        piece.faded(fade > 0 && i > 0 ? overlap : 0, fade > 0 && i < pieces.size() - 1 ? overlap : 0, out);
                    }
                }
            }
        }
        return meter.measure();
    }

    /**
     * The join's rate: the pieces' when they share one; else the one rate whose pieces have sound, all the others'
     * being silence; null when pieces of two rates have sound.
     */
    private static Integer soundingRate(List<Path> pieces, List<PcmSceneFit.PcmWav> wavs) throws IOException {
        java.util.Set<Integer> rates = new java.util.LinkedHashSet<>();
        wavs.forEach(wav -> rates.add(wav.rate()));
        if (rates.size() == 1) {
            return rates.iterator().next();
        }
        java.util.Set<Integer> sounding = new java.util.LinkedHashSet<>();
        for (int i = 0; i < wavs.size(); i++) {
            if (!sounding.contains(wavs.get(i).rate()) && !silent(pieces.get(i), wavs.get(i))) {
                sounding.add(wavs.get(i).rate());
            }
        }
        if (sounding.size() > 1) {
            return null;
        }
        return sounding.isEmpty() ? wavs.get(0).rate() : sounding.iterator().next();
    }

    private static boolean silent(Path file, PcmSceneFit.PcmWav wav) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(wav.dataOffset());
            byte[] buffer = new byte[1 << 16];
            for (long left = wav.dataBytes(); left > 0; ) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n <= 0) {
                    return true;
                }
                for (int k = 0; k < n; k++) {
                    if (buffer[k] != 0) {
                        return false;
                    }
                }
                left -= n;
            }
        }
        return true;
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }

    /** One piece's samples, read in order, brought to the join's channels; zeros for silence at another rate. */
    private static final class Piece implements AutoCloseable {

        private final InputStream in;
        private final int sourceChannels;
        private final int channels;
        private final long frames;
        private final boolean silence;
        private byte[] bytes = new byte[0];

        Piece(Path file, PcmSceneFit.PcmWav wav, int channels, long frames, boolean silence) throws IOException {
            this.silence = silence;
            this.in = silence ? InputStream.nullInputStream() : new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            try {
                this.in.skipNBytes(silence ? 0 : wav.dataOffset());
            } catch (IOException e) {
                in.close();
                throw e;
            }
            this.sourceChannels = wav.channels();
            this.channels = channels;
            this.frames = frames;
        }

        short[] read(int count) throws IOException {
            short[] samples = new short[count * channels];
            read(samples, count);
            return samples;
        }

        void read(short[] samples, int count) throws IOException {
            if (silence) {
                java.util.Arrays.fill(samples, 0, count * channels, (short) 0);
                return;
            }
            int need = count * sourceChannels * 2;
            if (bytes.length < need) {
                bytes = new byte[need];
            }
            if (in.readNBytes(bytes, 0, need) < need) {
                throw new MediaToolFailure("a piece ended before its data did");
            }
            java.nio.ShortBuffer source = ByteBuffer.wrap(bytes, 0, need).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            if (sourceChannels == channels) {
                source.get(samples, 0, count * channels);
                return;
            }
            for (int f = 0; f < count; f++) {
                short spread = clip(source.get() * MONO_IN_STEREO);
                samples[f * 2] = spread;
                samples[f * 2 + 1] = spread;
            }
        }

        void copy(long count, Output out) throws IOException {
            short[] chunk = new short[CHUNK_FRAMES * channels];
            for (long left = count; left > 0; ) {
                int n = (int) Math.min(CHUNK_FRAMES, left);
                read(chunk, n);
                out.write(chunk, n);
                left -= n;
            }
        }

        /** All of the piece, fading in over its first {@code in} frames and out over its last {@code out}, linearly. */
        void faded(int fadeIn, int fadeOut, Output out) throws IOException {
            short[] chunk = new short[CHUNK_FRAMES * channels];
            long at = 0;
            while (at < frames) {
                int n = (int) Math.min(CHUNK_FRAMES, frames - at);
                read(chunk, n);
                for (int f = 0; f < n; f++) {
                    long k = at + f;
                    double gain = 1;
                    if (k < fadeIn) {
                        gain *= k / (double) fadeIn;
                    }
                    if (k >= frames - fadeOut) {
                        gain *= (frames - k) / (double) fadeOut;
                    }
                    if (gain != 1) {
                        for (int c = 0; c < channels; c++) {
                            chunk[f * channels + c] = clip(chunk[f * channels + c] * gain);
                        }
                    }
                }
                out.write(chunk, n);
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The joined WAV, and the meter fed every frame written to it. */
    private static final class Output implements AutoCloseable {

        private final OutputStream out;
        private final LoudnessMeter meter;
        private final int channels;
        private final ByteBuffer bytes;

        Output(Path file, LoudnessMeter meter, int channels) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.meter = meter;
            this.channels = channels;
            this.bytes = ByteBuffer.allocate(CHUNK_FRAMES * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        }

        void header(byte[] header) throws IOException {
            out.write(header);
        }

        void write(short[] samples, int frames) throws IOException {
            meter.add(samples, 0, frames);
            int at = 0;
            int total = frames * channels;
            while (at < total) {
                int n = Math.min(total - at, bytes.capacity() / 2);
                bytes.clear();
                bytes.asShortBuffer().put(samples, at, n);
                out.write(bytes.array(), 0, n * 2);
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
