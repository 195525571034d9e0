package io.scenescore.composer;

/**
 * Which General MIDI instruments play which part of a scene, and how each part moves. A program of -1 leaves
 * the part out. Chosen from the mood alone (no randomness), so scenes of the same mood keep their sound.
 *
 * @param padProgram           sustained harmony (channel 1)
 * @param padStyle             how the harmony is played
 * @param melodyProgram        the tune carrying the motif (channel 2)
 * @param melodyCentre         MIDI pitch the melody centres on
 * @param bassProgram          bass line (channel 3)
 * @param bass                 bass pattern
 * @param accompanimentProgram moving inner part (channel 4)
 * @param accompaniment        its pattern
 * @param colourProgram        a layer that enters half way to build the scene (channel 5)
 * @param colour               its pattern
 * @param timpani              timpani on the downbeats (channel 6)
 * @param drums                drum kit pattern (channel 10)
 * @param reverb               reverb send 0..127
 * @param swing                swung eighth notes
 */
record Orchestration(int padProgram, PadStyle padStyle, int melodyProgram, int melodyCentre,
                     int bassProgram, BassPattern bass, int accompanimentProgram, AccompanimentPattern accompaniment,
                     int colourProgram, ColourPattern colour, boolean timpani, DrumPattern drums, int reverb,
                     boolean swing) {

    enum PadStyle { SUSTAIN, RESTRIKE, POWER_EIGHTHS }

    enum BassPattern { HELD, HALF_NOTES, EIGHTHS, OCTAVE_EIGHTHS, WALKING }

    enum AccompanimentPattern { NONE, ARPEGGIO, PULSE, OSTINATO, BROKEN_CHORDS, COMPING, STRUM, SPARKLE }

    enum ColourPattern { NONE, HELD_HIGH, BRASS_CHORDS, SPARKLE }

    enum DrumPattern { NONE, SOFT, BACKBEAT, DRIVING, FOUR_ON_THE_FLOOR, TOMS, SWING }

    /** MIDI channels (0-based) of the parts. */
    static final int PAD = 0;
    static final int MELODY = 1;
    static final int BASS = 2;
    static final int ACCOMPANIMENT = 3;
    static final int COLOUR = 4;
    static final int TIMPANI = 5;
    static final int DRUMS = 9;

    /** General MIDI program numbers (0-based) used below. */
    private static final int PIANO = 0;
    private static final int ELECTRIC_PIANO = 4;
    private static final int CELESTA = 8;
    private static final int GLOCKENSPIEL = 9;
    private static final int VIBRAPHONE = 11;
    private static final int HARMONICA = 22;
    private static final int NYLON_GUITAR = 24;
    private static final int STEEL_GUITAR = 25;
    private static final int CLEAN_GUITAR = 27;
    private static final int OVERDRIVEN_GUITAR = 29;
    private static final int DISTORTION_GUITAR = 30;
    private static final int ACOUSTIC_BASS = 32;
    private static final int PICKED_BASS = 34;
    private static final int SYNTH_BASS = 38;
    private static final int VIOLIN = 40;
    private static final int CELLO = 42;
    private static final int CONTRABASS = 43;
    private static final int PIZZICATO = 45;
    private static final int HARP = 46;
    private static final int TIMPANI_PROGRAM = 47;
    private static final int STRINGS = 48;
    private static final int SLOW_STRINGS = 49;
    private static final int SYNTH_STRINGS = 50;
    private static final int CHOIR = 52;
    private static final int TRUMPET = 56;
    private static final int FRENCH_HORN = 60;
    private static final int BRASS = 61;
    private static final int ALTO_SAX = 65;
    private static final int TENOR_SAX = 66;
    private static final int OBOE = 68;
    private static final int CLARINET = 71;
    private static final int FLUTE = 73;
    private static final int SQUARE_LEAD = 80;
    private static final int SAW_LEAD = 81;
    private static final int NEW_AGE_PAD = 88;
    private static final int WARM_PAD = 89;
    private static final int CHOIR_PAD = 91;

    static int timpaniProgram() {
        return TIMPANI_PROGRAM;
    }

    /** The instrumentation for a mood. */
    static Orchestration forMood(MoodProfile mood) {
        double e = mood.energy();
        Feeling f = mood.feeling();
        boolean low = e < 0.35;
        boolean high = e >= 0.65;
        return switch (mood.style()) {
            case PIANO -> new Orchestration(PIANO, PadStyle.RESTRIKE, PIANO, 74,
                    PIANO, low ? BassPattern.HELD : BassPattern.HALF_NOTES,
                    PIANO, low ? AccompanimentPattern.ARPEGGIO : AccompanimentPattern.BROKEN_CHORDS,
                    e >= 0.45 ? SLOW_STRINGS : -1, ColourPattern.HELD_HIGH,
                    false, DrumPattern.NONE, 60, false);
            case ELECTRONIC -> new Orchestration(WARM_PAD, high ? PadStyle.RESTRIKE : PadStyle.SUSTAIN,
                    SAW_LEAD, 72,
                    SYNTH_BASS, high ? BassPattern.OCTAVE_EIGHTHS : (low ? BassPattern.HELD : BassPattern.EIGHTHS),
                    SQUARE_LEAD, low ? AccompanimentPattern.SPARKLE : AccompanimentPattern.ARPEGGIO,
                    SYNTH_STRINGS, ColourPattern.HELD_HIGH, false,
                    high ? DrumPattern.FOUR_ON_THE_FLOOR : (low ? DrumPattern.NONE : DrumPattern.BACKBEAT),
                    55, false);
            case JAZZ -> new Orchestration(-1, PadStyle.SUSTAIN,
                    switch (f) {
                        case TRIUMPHANT, HAPPY -> TRUMPET;
                        case SAD, ROMANTIC, CALM, MYSTERIOUS -> TENOR_SAX;
                        default -> ALTO_SAX;
                    }, 70,
                    ACOUSTIC_BASS, low ? BassPattern.HALF_NOTES : BassPattern.WALKING,
                    e < 0.5 ? ELECTRIC_PIANO : PIANO, AccompanimentPattern.COMPING,
                    VIBRAPHONE, ColourPattern.SPARKLE, false, e < 0.15 ? DrumPattern.NONE : DrumPattern.SWING,
                    45, true);
            case AMBIENT -> new Orchestration(NEW_AGE_PAD, PadStyle.SUSTAIN,
                    f == Feeling.MYSTERIOUS || f == Feeling.SAD ? CELESTA : VIBRAPHONE, 76,
                    WARM_PAD, BassPattern.HELD,
                    HARP, AccompanimentPattern.SPARKLE,
                    CHOIR_PAD, ColourPattern.HELD_HIGH, false, high ? DrumPattern.SOFT : DrumPattern.NONE,
                    110, false);
            case ROCK -> new Orchestration(OVERDRIVEN_GUITAR, low ? PadStyle.SUSTAIN : PadStyle.POWER_EIGHTHS,
                    DISTORTION_GUITAR, 69,
                    PICKED_BASS, low ? BassPattern.HALF_NOTES : BassPattern.EIGHTHS,
                    CLEAN_GUITAR, AccompanimentPattern.ARPEGGIO,
                    f == Feeling.TRIUMPHANT ? BRASS : STRINGS, ColourPattern.HELD_HIGH, false,
                    high ? DrumPattern.DRIVING : (low ? DrumPattern.SOFT : DrumPattern.BACKBEAT), 40, false);
            case ACOUSTIC -> new Orchestration(STRINGS, PadStyle.SUSTAIN,
                    switch (f) {
                        case HAPPY -> HARMONICA;
                        case SAD, ROMANTIC -> VIOLIN;
                        case MYSTERIOUS, TENSE -> CLARINET;
                        default -> FLUTE;
                    }, 74,
                    ACOUSTIC_BASS, low ? BassPattern.HELD : BassPattern.HALF_NOTES,
                    low ? NYLON_GUITAR : STEEL_GUITAR, low ? AccompanimentPattern.ARPEGGIO : AccompanimentPattern.STRUM,
                    -1, ColourPattern.NONE, false, e >= 0.45 ? DrumPattern.SOFT : DrumPattern.NONE, 50, false);
            case ORCHESTRAL -> new Orchestration(low ? SLOW_STRINGS : STRINGS, PadStyle.SUSTAIN,
                    switch (f) {
                        case TRIUMPHANT -> TRUMPET;
                        case SAD, ROMANTIC -> VIOLIN;
                        case TENSE -> FRENCH_HORN;
                        case MYSTERIOUS -> CLARINET;
                        case CALM -> OBOE;
                        default -> FLUTE;
                    }, 72,
                    CONTRABASS, high ? BassPattern.OCTAVE_EIGHTHS : (low ? BassPattern.HELD : BassPattern.HALF_NOTES),
                    low ? HARP : (high ? STRINGS : PIZZICATO),
                    low ? AccompanimentPattern.ARPEGGIO : (high ? AccompanimentPattern.PULSE : AccompanimentPattern.BROKEN_CHORDS),
                    colourFor(f, high), colourPatternFor(colourFor(f, high)), e >= 0.45,
                    e >= 0.75 ? DrumPattern.TOMS : DrumPattern.NONE, 80, false);
            case CINEMATIC -> new Orchestration(low ? SLOW_STRINGS : STRINGS, PadStyle.SUSTAIN,
                    switch (f) {
                        case TRIUMPHANT, TENSE -> FRENCH_HORN;
                        case SAD, ROMANTIC -> VIOLIN;
                        case MYSTERIOUS -> OBOE;
                        case CALM, HAPPY -> FLUTE;
                        default -> low ? FLUTE : FRENCH_HORN;
                    }, f == Feeling.TRIUMPHANT || f == Feeling.TENSE ? 67 : 74,
                    low ? CELLO : CONTRABASS,
                    high ? BassPattern.OCTAVE_EIGHTHS : (low ? BassPattern.HELD : BassPattern.HALF_NOTES),
                    high ? PIZZICATO : (f == Feeling.SAD ? PIANO : HARP),
                    high ? AccompanimentPattern.OSTINATO : AccompanimentPattern.ARPEGGIO,
                    colourFor(f, high), colourPatternFor(colourFor(f, high)), e >= 0.55,
                    e >= 0.6 ? DrumPattern.TOMS : DrumPattern.NONE, 75, false);
        };
    }

    private static int colourFor(Feeling feeling, boolean high) {
        return switch (feeling) {
            case TRIUMPHANT -> BRASS;
            case TENSE -> high ? BRASS : CHOIR;
            case MYSTERIOUS -> CHOIR;
            case HAPPY, CALM -> GLOCKENSPIEL;
            case ROMANTIC, SAD -> SLOW_STRINGS;
            case NEUTRAL -> high ? BRASS : -1;
        };
    }

    private static ColourPattern colourPatternFor(int program) {
        return switch (program) {
            case -1 -> ColourPattern.NONE;
            case BRASS -> ColourPattern.BRASS_CHORDS;
            case GLOCKENSPIEL -> ColourPattern.SPARKLE;
            default -> ColourPattern.HELD_HIGH;
        };
    }
}
