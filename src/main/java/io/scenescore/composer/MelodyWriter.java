package io.scenescore.composer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the melody from the motif, in two-bar phrases: the motif, the motif moved to fit the chord, a variant
 * (inverted or reversed), the motif again closing on a chord root. Notes on strong beats and the last note of
 * each phrase are pulled onto chord tones. One rhythm per scene, slower values for calm scenes and quicker for
 * energetic ones. The last bar holds a chord tone to the end.
 */
final class MelodyWriter {

    private static final double PHRASE_BEATS = 8;

    private MelodyWriter() {
    }

    static void write(List<BarPlan> bars, DiatonicScale scale, List<Integer> motif, MoodProfile mood,
                      Orchestration o, Random random, HumanisedNotes out) {
        if (o.melodyProgram() < 0 || motif.isEmpty() || bars.size() < 2) {
            return;
        }
        int ch = Orchestration.MELODY;
        int key = scale.keyRoot();
        int tonic = scale.tonicNear(o.melodyCentre() - 3);
        double energy = mood.energy();
        double[] rhythm = rhythm(motif.size(), energy, random);
        double offset = new double[] {0, 0, 1, 0.5}[random.nextInt(energy < 0.35 ? 3 : 4)];
        List<Integer> variant = new ArrayList<>(motif);
        if (random.nextBoolean()) {
            Collections.reverse(variant);
        } else {
            int first = motif.get(0);
            variant.replaceAll(d -> 2 * first - d);
        }
        boolean sparse = mood.style() == MusicStyle.AMBIENT || energy < 0.15;
        boolean legato = !AccompanimentWriter.ringing(o.melodyProgram());

        BarPlan lastBar = bars.get(bars.size() - 1);
        double end = lastBar.startBeat();
        int firstBar = 0;
        while (firstBar < bars.size() - 1 && bars.get(firstBar).intro()) {
            firstBar++;
        }
        int lastPitch = tonic;
        int phrase = 0;
        for (double phraseStart = bars.get(firstBar).startBeat(); phraseStart < end - 1e-9;
             phraseStart += PHRASE_BEATS, phrase++) {
            if (sparse && phrase % 2 == 1) {
                continue;
            }
            BarPlan bar = barAt(bars, phraseStart);
            List<Integer> degrees = switch (phrase % 4) {
                case 1 -> shiftedToChord(motif, scale, tonic, bar.chord());
                case 2 -> variant;
                default -> motif;
            };
            List<Integer> pitches = new ArrayList<>();
            for (int d : degrees) {
                pitches.add(scale.pitch(d, tonic));
            }
            keepInRange(pitches, o.melodyCentre());

            double t = phraseStart + offset;
            double phraseEnd = Math.min(end, phraseStart + PHRASE_BEATS);
            for (int i = 0; i < pitches.size() && t < phraseEnd - 0.25; i++) {
                boolean last = i == pitches.size() - 1 || t + rhythm[i] >= phraseEnd - 0.25;
                double length = last ? Math.min(Math.max(rhythm[i], phraseEnd - t - 1), 4) : rhythm[i];
                length = Math.min(length, phraseEnd - t);
                BarPlan here = barAt(bars, t);
                int pitch = pitches.get(i);
                double inBar = t - here.startBeat();
                boolean strong = Math.abs(inBar - Math.rint(inBar)) < 1e-6 && ((long) Math.rint(inBar)) % 2 == 0;
                if (last) {
                    pitch = closingTone(pitch, here.chord(), key, phrase % 4 == 3);
                } else if (strong) {
                    pitch = here.chord().nearestTone(pitch, key);
                } else {
                    pitch = avoidClash(pitch, here.chord(), scale);
                }
                double velocity = (64 + 38 * energy + (strong ? 6 : 0) + (i == 1 || i == 2 ? 4 : 0)) * here.dynamics();
                out.add(ch, t, Math.max(0.2, legato ? length * 0.96 : length), pitch, velocity);
                lastPitch = pitch;
                t += rhythm[i];
                if (last) {
                    break;
                }
            }
        }
        int closing = closingTone(lastPitch, lastBar.chord(), key, true);
        out.add(ch, lastBar.startBeat(), lastBar.lengthBeats(), closing, (58 + 30 * energy) * lastBar.dynamics());
    }

    /** Note values for a motif of {@code n} notes: half and whole beats when calm, eighths when energetic. */
    static double[] rhythm(int n, double energy, Random random) {
        double[] units = energy < 0.35 ? new double[] {1, 2, 1, 1.5}
                : energy < 0.65 ? new double[] {0.5, 1, 1, 1.5}
                : new double[] {0.5, 0.5, 1, 0.75};
        double[] rhythm = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double unit = units[random.nextInt(units.length)];
            if (unit == 0.75) {
                rhythm[i] = 0.75;
                if (i + 1 < n) {
                    rhythm[++i] = 0.25;
                    sum += 0.25;
                }
                sum += 0.75;
                continue;
            }
            if (sum + unit > 6) {
                unit = units[0];
            }
            rhythm[i] = unit;
            sum += unit;
        }
        rhythm[n - 1] = Math.max(rhythm[n - 1], 2);
        return rhythm;
    }

    private static BarPlan barAt(List<BarPlan> bars, double beat) {
        for (BarPlan bar : bars) {
            if (beat < bar.endBeat() - 1e-9) {
                return bar;
            }
        }
        return bars.get(bars.size() - 1);
    }

    /** The motif moved by a few scale steps so that its first note is a tone of the chord. */
    private static List<Integer> shiftedToChord(List<Integer> motif, DiatonicScale scale, int tonic, Chord chord) {
        for (int shift : new int[] {0, 2, -2, 4, -3, 1, -1}) {
            if (chord.contains(scale.pitch(motif.get(0) + shift, tonic), scale.keyRoot())) {
                List<Integer> moved = new ArrayList<>(motif);
                moved.replaceAll(d -> d + shift);
                return moved;
            }
        }
        return motif;
    }

    /** Moves a phrase by octaves so it stays within about an octave of the centre. */
    private static void keepInRange(List<Integer> pitches, int centre) {
        int max = Collections.max(pitches);
        int min = Collections.min(pitches);
        while (max > centre + 12 && min - 12 >= centre - 14) {
            pitches.replaceAll(p -> p - 12);
            max -= 12;
            min -= 12;
        }
        while (min < centre - 12 && max + 12 <= centre + 14) {
            pitches.replaceAll(p -> p + 12);
            max += 12;
            min += 12;
        }
    }

    /** A resting tone: the chord root or third nearest to the pitch (the root when it should sound final). */
    private static int closingTone(int pitch, Chord chord, int key, boolean rootOnly) {
        int best = pitch;
        int bestDistance = Integer.MAX_VALUE;
        List<Integer> classes = chord.pitchClasses(key);
        List<Integer> targets = rootOnly ? classes.subList(0, 1) : classes.subList(0, Math.min(2, classes.size()));
        for (int candidate = pitch - 7; candidate <= pitch + 7; candidate++) {
            if (targets.contains(Math.floorMod(candidate, 12)) && Math.abs(candidate - pitch) < bestDistance) {
                best = candidate;
                bestDistance = Math.abs(candidate - pitch);
            }
        }
        return best;
    }

    /** Over a chord from outside the key, a scale note a semitone from a chord tone takes the chord tone. */
    private static int avoidClash(int pitch, Chord chord, DiatonicScale scale) {
        int key = scale.keyRoot();
        if (chord.contains(pitch, key)) {
            return pitch;
        }
        for (int pc : chord.pitchClasses(key)) {
            if (!scale.contains(pc)) {
                for (int neighbour : new int[] {pitch - 1, pitch + 1}) {
                    if (Math.floorMod(neighbour, 12) == pc) {
                        return neighbour;
                    }
                }
            }
        }
        return pitch;
    }
}
