package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChordTest {

    @Test
    void romanNumeralsNameChordsRelativeToTheKey() {
        assertThat(Chord.parse("I").pitchClasses(0)).containsExactly(0, 4, 7);
        assertThat(Chord.parse("vi").pitchClasses(0)).containsExactly(9, 0, 4);
        assertThat(Chord.parse("bVI").pitchClasses(9)).containsExactly(5, 9, 0);
        assertThat(Chord.parse("V7").pitchClasses(2)).containsExactly(9, 1, 4, 7);
        assertThat(Chord.parse("iim7b5").pitchClasses(0)).containsExactly(2, 5, 8, 0);
        assertThat(Chord.parse("Iadd9").pitchClasses(0)).containsExactly(0, 4, 7, 2);
    }

    @Test
    void unknownSymbolsAreRejected() {
        assertThatThrownBy(() -> Chord.parse("X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chord.parse("Iblue")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void voicingMovesLittleFromOneChordToTheNext() {
        List<Integer> c = ChordVoicer.voice(Chord.parse("I"), 0, null, 52, 76);
        List<Integer> f = ChordVoicer.voice(Chord.parse("IV"), 0, c, 52, 76);

        assertThat(c).allSatisfy(p -> assertThat(p).isBetween(52, 76));
        assertThat(f).allSatisfy(p -> assertThat(p).isBetween(52, 76));
        int moved = 0;
        for (int i = 0; i < 3; i++) {
            moved += Math.abs(f.get(i) - c.get(i));
        }
        assertThat(moved).isLessThanOrEqualTo(4); // C-E-G to C-F-A: two voices move a step each
    }

    @Test
    void minorScaleDegreesMapToPitches() {
        DiatonicScale aMinor = new DiatonicScale(9, true);

        assertThat(aMinor.pitch(0, 57)).isEqualTo(57);
        assertThat(aMinor.pitch(2, 57)).isEqualTo(60);
        assertThat(aMinor.pitch(7, 57)).isEqualTo(69);
        assertThat(aMinor.pitch(-1, 57)).isEqualTo(55);
        assertThat(aMinor.contains(68)).isFalse();
    }
}
