package io.scenescore.fake;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 16-bit PCM audio held in memory, interleaved: what {@link FakeReplicate} serves and reads,
 * and what tests can use to inspect a downloaded WAV without FFmpeg.
 *
 * <p>{@link #parse(byte[])} reads RIFF/WAVE with PCM 8/16/24/32-bit integer or 32-bit float
 * samples (also inside WAVE_FORMAT_EXTENSIBLE), any rate and channel count, and converts
 * everything to 16-bit. {@link #toWavBytes()} writes a plain 44-byte-header PCM WAV.
 */
public final class WavAudio {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private final int sampleRate;
    private final int channels;
    private final short[] samples;

    public WavAudio(int sampleRate, int channels, short[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be > 0, was " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be > 0, was " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not fill whole frames of " + channels + " channels");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** The interleaved samples (not a copy: do not modify). */
    public short[] samples() {
        return samples;
    }

    public int frames() {
        return samples.length / channels;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }

    public short sample(int frame, int channel) {
        return samples[frame * channels + channel];
    }

    /** Frames {@code [fromFrame, toFrame)}, clamped to the audio like a Python slice. */
    public WavAudio slice(int fromFrame, int toFrame) {
        int from = Math.max(0, Math.min(fromFrame, frames()));
        int to = Math.max(from, Math.min(toFrame, frames()));
        return new WavAudio(sampleRate, channels, Arrays.copyOfRange(samples, from * channels, to * channels));
    }

    /** Same channel layout at another rate, by linear interpolation ({@code round(frames * to / from)} frames). */
    public WavAudio resample(int targetRate) {
        if (targetRate == sampleRate) {
            return this;
        }
        int inFrames = frames();
        int outFrames = (int) Math.round(inFrames * (double) targetRate / sampleRate);
        short[] out = new short[outFrames * channels];
        double step = sampleRate / (double) targetRate;
        for (int i = 0; i < outFrames; i++) {
            double pos = i * step;
            int left = (int) Math.floor(pos);
            double frac = pos - left;
            int right = Math.min(left + 1, inFrames - 1);
            left = Math.min(left, inFrames - 1);
            for (int c = 0; c < channels; c++) {
                double value = samples[left * channels + c] * (1 - frac) + samples[right * channels + c] * frac;
                out[i * channels + c] = clip(Math.round(value));
            }
        }
        return new WavAudio(targetRate, channels, out);
    }

    /** Mono to many channels copies; many to mono averages; otherwise channels are taken or repeated in order. */
    public WavAudio withChannels(int targetChannels) {
        if (targetChannels == channels) {
            return this;
        }
        int n = frames();
        short[] out = new short[n * targetChannels];
        for (int f = 0; f < n; f++) {
            if (targetChannels == 1) {
                long sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += samples[f * channels + c];
                }
                out[f] = clip(Math.round(sum / (double) channels));
            } else {
                for (int c = 0; c < targetChannels; c++) {
                    out[f * targetChannels + c] = samples[f * channels + (c % channels)];
                }
            }
        }
        return new WavAudio(sampleRate, targetChannels, out);
    }

    /** Root mean square level over all samples, in dB relative to full scale ({@code -Infinity} for silence). */
    public double rmsDbfs() {
        if (samples.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (short s : samples) {
            double v = s / 32768.0;
            sum += v * v;
        }
        return 10 * Math.log10(sum / samples.length);
    }

    public byte[] toWavBytes() {
        int dataBytes = samples.length * 2;
        ByteBuffer buf = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        buf.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        buf.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        buf.putShort((short) FORMAT_PCM).putShort((short) channels).putInt(sampleRate);
        buf.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        buf.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        buf.asShortBuffer().put(samples);
        return buf.array();
    }

    /**
     * Reads a RIFF/WAVE file.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not a WAV this class reads
     */
    public static WavAudio parse(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = tag(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new IllegalArgumentException("WAV fmt chunk is truncated");
                }
                format = Short.toUnsignedInt(buf.getShort(body));
                channels = Short.toUnsignedInt(buf.getShort(body + 2));
                rate = buf.getInt(body + 4);
                bits = Short.toUnsignedInt(buf.getShort(body + 14));
                if (format == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) {
                    format = Short.toUnsignedInt(buf.getShort(body + 24)); // first two bytes of the sub-format GUID
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IllegalArgumentException("WAV data chunk comes before its fmt chunk");
                }
                // streamed WAVs (ffmpeg to a pipe) carry 0 or 0xFFFFFFFF here: take what is there
                long available = bytes.length - body;
                int length = (int) ((size == 0 || size > available) ? available : size);
                return decode(bytes, body, length, format, channels, rate, bits);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IllegalArgumentException("WAV file has no data chunk");
    }

    private static WavAudio decode(byte[] bytes, int offset, int length, int format, int channels, int rate, int bits) {
        if (channels <= 0 || rate <= 0) {
            throw new IllegalArgumentException("WAV header has " + channels + " channels at " + rate + " Hz");
        }
        boolean pcm = format == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean floats = format == FORMAT_FLOAT && bits == 32;
        if (!pcm && !floats) {
            throw new IllegalArgumentException("unsupported WAV encoding: format tag " + format + ", " + bits + " bits");
        }
        int width = bits / 8;
        int count = length / width;
        count -= count % channels;
        ByteBuffer buf = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[count];
        if (pcm && width == 2) {
            buf.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
            return new WavAudio(rate, channels, out);
        }
        for (int i = 0; i < count; i++) {
            int p = offset + i * width;
            switch (width) {
                case 1 -> out[i] = (short) (((bytes[p] & 0xFF) - 128) << 8);
                case 2 -> out[i] = buf.getShort(p);
                case 3 -> out[i] = (short) (bytes[p + 2] << 8 | (bytes[p + 1] & 0xFF));
                default -> out[i] = floats
                        ? clip(Math.round(buf.getFloat(p) * 32767.0))
                        : (short) (buf.getInt(p) >> 16);
            }
        }
        return new WavAudio(rate, channels, out);
    }

    private static String tag(byte[] bytes, int pos) {
        return new String(bytes, pos, 4, StandardCharsets.US_ASCII);
    }

    static short clip(long value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }

    @Override
    public String toString() {
        return "WavAudio[" + sampleRate + " Hz, " + channels + " ch, " + frames() + " frames]";
    }
}
