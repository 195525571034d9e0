package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.scenescore.media.SyncFilter;

/** Fitting the soundtrack to the video per sync_mode, always to the video's exact length in samples. */
class SyncFilterTest {

    private static final long SIX_SECONDS = 6 * 44100;

    @Test
    void trimCutsOrPadsWithoutChangingTheTempo() {
        for (double music : new double[] {4, 9}) {
            String chain = SyncFilter.chain("trim", music, 6);

            assertThat(chain).doesNotContain("atempo").startsWith("apad=whole_len=" + SIX_SECONDS + ",atrim=end_sample=" + SIX_SECONDS);
        }
    }

    @Test
    void stretchChangesTheTempoToTheVideosLengthEitherWay() {
        assertThat(tempo(SyncFilter.chain("stretch", 9, 6))).isCloseTo(1.5, within(1e-6));
        assertThat(tempo(SyncFilter.chain("stretch", 4, 6))).isCloseTo(4.0 / 6, within(1e-6));
        assertThat(SyncFilter.chain("stretch", 9, 6)).endsWith("apad=whole_len=" + SIX_SECONDS + ",atrim=end_sample=" + SIX_SECONDS + ",asetpts=N/SR/TB");
    }

    @Test
    void compressSpeedsUpOnlyMusicLongerThanTheVideo() {
        assertThat(tempo(SyncFilter.chain("compress", 9, 6))).isCloseTo(1.5, within(1e-6));
        assertThat(SyncFilter.chain("compress", 4, 6)).doesNotContain("atempo").contains("apad=whole_len=" + SIX_SECONDS);
    }

    @Test
    void theVideosLengthIsRoundedToTheNearestSample() {
        assertThat(SyncFilter.chain("trim", 4, 6.00001)).contains("atrim=end_sample=264600,");
        assertThat(SyncFilter.chain("trim", 4, 1.001)).contains("atrim=end_sample=44144,");
    }

    @Test
    void anUnknownModeOrAMissingLengthIsRefused() {
        assertThatThrownBy(() -> SyncFilter.chain("squash", 4, 6)).hasMessageContaining("squash");
        assertThatThrownBy(() -> SyncFilter.chain("trim", 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The tempo the chain's atempo steps multiply to. */
    private static double tempo(String chain) {
        return Arrays.stream(chain.split(",")).filter(f -> f.startsWith("atempo="))
                .mapToDouble(f -> Double.parseDouble(f.substring(7))).reduce(1, (a, b) -> a * b);
    }
}
