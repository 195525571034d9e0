package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.store.WorkFolders;

/** The copies in the jobs' work folders kept under a size, the least recently used out first; a run's folder is no copy. */
class WorkFoldersTest {

    @TempDir
    Path work;
    Path a;
    Path b;
    Path c;
    Path d;
    Path runPiece;

    @BeforeEach
    void copies() throws IOException {
        a = copy("job-1/soundtrack-aa.mp3", Duration.ofHours(3));
        b = copy("job-1/timeline-bb.png", Duration.ofHours(2));
        c = copy("job-2/merged-cc.mp4", Duration.ofHours(1));
        d = copy("job-2/source-17.video", Duration.ofMinutes(1));
        runPiece = copy("job-2/run/scene-000.wav", Duration.ofDays(1));
        Files.write(runPiece, new byte[5_000_000]);
        Files.setLastModifiedTime(runPiece, ago(Duration.ofDays(1)));
    }

    @Test
    void theLeastRecentlyUsedGoFirstUntilTheCopiesFitAndARunsFolderIsNoCopy() throws IOException {
        WorkFolders.Trimmed trimmed = new WorkFolders(work).trimCopies(1, Duration.ofMinutes(30).toMillis());

        assertThat(trimmed.files()).isEqualTo(2);
        assertThat(trimmed.bytes()).isEqualTo(800_000);
        assertThat(trimmed.left()).isEqualTo(800_000);
        assertThat(a).doesNotExist();
        assertThat(b).doesNotExist();
        assertThat(c).exists();
        assertThat(d).exists();
        assertThat(runPiece).exists();
        assertThat(new WorkFolders(work).trimCopies(1, 0).files()).as("under the size: nothing more").isZero();
    }

    @Test
    void aCopyUsedAgainIsKeptLongerThanNewerOnes() throws IOException {
        assertThat(WorkFolders.used(a)).isTrue();

        new WorkFolders(work).trimCopies(1, 0);

        assertThat(a).exists();
        assertThat(b).doesNotExist();
        assertThat(c).doesNotExist();
        assertThat(d).exists();
        assertThat(WorkFolders.used(work.resolve("job-1/gone.mp3"))).as("a copy that is not there").isFalse();
    }

    @Test
    void aCopyUsedLatelyStaysWhateverTheTotal() throws IOException {
        WorkFolders.Trimmed trimmed = new WorkFolders(work).trimCopies(0, Duration.ofMinutes(90).toMillis());

        assertThat(trimmed.files()).isEqualTo(2);
        assertThat(c).exists();
        assertThat(d).exists();
        assertThat(trimmed.left()).isEqualTo(800_000);
    }

    @Test
    void theScratchFoldersAStartFindsAreRemovedAndTheCopiesStay() throws IOException {
        Path drawing = copy("job-1/timeline-1a2b3c4d/music.pcm", Duration.ofMinutes(5));

        assertThat(new WorkFolders(work).removeLeftWork()).isEqualTo(2);

        assertThat(runPiece.getParent()).doesNotExist();
        assertThat(drawing.getParent()).doesNotExist();
        assertThat(a).exists();
        assertThat(d).exists();
        assertThat(new WorkFolders(work).removeLeftWork()).isZero();
        assertThat(new WorkFolders(work.resolve("none")).removeLeftWork()).isZero();
    }

    @Test
    void aJobsFolderLeftEmptyGoesUnlessItChangedLately() throws IOException {
        WorkFolders folders = new WorkFolders(work);
        folders.trimCopies(0, Duration.ofMinutes(30).toMillis());
        assertThat(work.resolve("job-1")).as("emptied just now: it goes at a later trim").isEmptyDirectory();
        Files.setLastModifiedTime(work.resolve("job-1"), ago(Duration.ofHours(1)));
        Path fresh = Files.createDirectories(work.resolve("job-3"));

        folders.trimCopies(0, Duration.ofMinutes(30).toMillis());

        assertThat(work.resolve("job-1")).as("its copies trimmed, then the folder").doesNotExist();
        assertThat(work.resolve("job-2")).as("a run's folder in it").exists();
        assertThat(d).as("a copy in use").exists();
        assertThat(fresh).as("made just now: an export may be about to write into it").exists();
    }

    @Test
    void noWorkFolderYetIsNothingToTrim() throws IOException {
        assertThat(new WorkFolders(work.resolve("none")).trimCopies(0, 0)).isEqualTo(new WorkFolders.Trimmed(0, 0, 0));
    }

    private Path copy(String name, Duration age) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[400_000]);
        Files.setLastModifiedTime(file, ago(age));
        return file;
    }

    private static FileTime ago(Duration age) {
        return FileTime.fromMillis(System.currentTimeMillis() - age.toMillis());
    }
}
