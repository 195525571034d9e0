package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.scenescore.run.SceneSegment;
import io.scenescore.run.ScoreSheet;

/** The pieces of a run, kept in scene order, one per scene. */
class ScoreSheetTest {

    private final ScoreSheet sheet = new ScoreSheet();

    private static SceneSegment segment(int index, double seconds, String url) {
        return new SceneSegment(index, Path.of("/w/scene-" + index + ".flac"), seconds, "composer", url,
                url == null ? 0 : 30, null, false);
    }

    @Test
    void anEmptySheetHasNoPreviousPiece() {
        assertThat(sheet.previous(1)).isEmpty();
        assertThat(sheet.previousUrl(1)).isNull();
        assertThat(sheet.segments()).isEmpty();
        assertThat(sheet.files()).isEmpty();
        assertThat(sheet.durations()).isEmpty();
    }

    @Test
    void segmentsAreKeptInSceneOrderWhateverTheOrderTheyArrive() {
        sheet.add(segment(2, 3.0, "u2"));
        sheet.add(segment(0, 1.0, "u0"));
        sheet.add(segment(1, 2.0, "u1"));

        assertThat(sheet.segments()).extracting(SceneSegment::index).containsExactly(0, 1, 2);
        assertThat(sheet.previous(3)).contains(segment(2, 3.0, "u2"));
        assertThat(sheet.previousUrl(3)).isEqualTo("u2");
        // a scene made again continues the one before it, not the last of the sheet
        assertThat(sheet.previous(1)).contains(segment(0, 1.0, "u0"));
        assertThat(sheet.previous(0)).isEmpty();
    }

    @Test
    void aSegmentForTheSameSceneReplacesTheEarlierOne() {
        sheet.add(segment(0, 1.0, "u0"));
        sheet.add(segment(1, 2.0, "first try"));
        sheet.add(segment(1, 2.0, "second try"));

        assertThat(sheet.segments()).containsExactly(segment(0, 1.0, "u0"), segment(1, 2.0, "second try"));
    }

    @Test
    void filesAndDurationsFollowSceneOrder() {
        sheet.add(segment(1, 2.5, null));
        sheet.add(segment(0, 4.0, null));

        assertThat(sheet.files()).containsExactly(Path.of("/w/scene-0.flac"), Path.of("/w/scene-1.flac"));
        assertThat(sheet.durations()).containsExactly(4.0, 2.5);
    }

    @Test
    void aPreviousPieceWithoutAUrlGivesNull() {
        sheet.add(segment(0, 1.0, null));

        assertThat(sheet.previous(1)).isPresent();
        assertThat(sheet.previousUrl(1)).isNull();
    }

    @Test
    void hasTellsWhichScenesAreDone() {
        sheet.add(segment(0, 1.0, null));
        sheet.add(segment(2, 1.0, null));

        assertThat(sheet.has(0)).isTrue();
        assertThat(sheet.has(1)).isFalse();
        assertThat(sheet.has(2)).isTrue();
    }

    @Test
    void segmentsIsASnapshotThatLaterAddsDoNotChange() {
        sheet.add(segment(0, 1.0, null));
        var snapshot = sheet.segments();

        sheet.add(segment(1, 1.0, null));

        assertThat(snapshot).hasSize(1);
        assertThat(sheet.segments()).hasSize(2);
    }

    @Test
    void scenesStoredBesideTheGenerationAreWaitedForAndTheirFailureKept() {
        sheet.storing(0);
        sheet.storing(1);
        sheet.stored(0);
        assertThat(sheet.stillStoring()).isTrue();

        IllegalStateException failure = new IllegalStateException("disk full");
        sheet.storingFailed(1, failure);

        assertThat(sheet.stillStoring()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(sheet::checkStored).isSameAs(failure);
    }

    @Test
    void nothingStoringIsNothingToWaitFor() throws Exception {
        assertThat(sheet.stillStoring()).isFalse();
        sheet.checkStored();
        sheet.storing(2);
        sheet.stored(2);
        assertThat(sheet.stillStoring()).isFalse();
        sheet.checkStored();
    }
}
