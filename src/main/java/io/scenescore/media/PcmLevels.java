package io.scenescore.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A rough look at the level of a run's segments, read from their PCM before the join: the highest sample (dBFS) and
 * the loudness as plain mean square over all of it (no K-weighting, no gating: within a few dB of what the EBU R128
 * meter finds for music). Enough to tell whether mastering may need the limiter, and where to try it; FFmpeg's
 * meter makes the measurement the gain is computed from.
 */
public final class PcmLevels {

    /** Sample peak (dBFS) and rough loudness (LUFS-like, dB); null when a segment could not be read as 16-bit PCM. */
    public record Levels(Double peakDb, Double loudnessDb) {

        public static final Levels UNKNOWN = new Levels(null, null);

        public boolean known() {
            return peakDb != null && loudnessDb != null;
        }
    }

    /** The levels of {@code segments} together (16-bit PCM WAVs); unknown when one is anything else (a FLAC of old) or missing. */
    public Levels of(List<Path> segments) throws IOException {
        double sumSquares = 0;
        long frames = 0;
        int peak = 0;
        for (Path segment : segments) {
            PcmSceneFit.PcmWav wav = Files.isRegularFile(segment) ? PcmSceneFit.read(segment) : null;
            if (wav == null) {
                return Levels.UNKNOWN;
            }
            // the soundtrack is stereo: a mono segment is played on both channels, its power counts twice
            double channelWeight = 2.0 / wav.channels();
            try (InputStream in = Files.newInputStream(segment)) {
                in.skipNBytes(wav.dataOffset());
                byte[] buffer = new byte[1 << 16];
                long left = wav.dataBytes();
                double segmentSquares = 0;
                while (left > 0) {
                    int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n <= 0) {
                        break;
                    }
                    ByteBuffer samples = ByteBuffer.wrap(buffer, 0, n - n % 2).order(ByteOrder.LITTLE_ENDIAN);
                    while (samples.remaining() >= 2) {
                        int s = samples.getShort();
                        segmentSquares += (double) s * s;
                        peak = Math.max(peak, Math.abs(s));
                    }
                    left -= n;
                }
                sumSquares += segmentSquares * channelWeight;
                frames += wav.dataBytes() / wav.frameBytes();
            }
        }
        if (frames == 0 || peak == 0) {
            return Levels.UNKNOWN;
        }
        double fullScale = 32768.0;
        // BS.1770: the two channels' mean squares summed
        double meanSquare = sumSquares / frames / (fullScale * fullScale);
        return new Levels(20 * Math.log10(peak / fullScale), -0.691 + 10 * Math.log10(meanSquare));
    }
}
