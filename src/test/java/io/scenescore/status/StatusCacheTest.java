package io.scenescore.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.scenescore.status.StatusCache.Lookup;

/** What the status cache serves, keeps and drops: the order of reads, announced changes and lost listening. */
class StatusCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final StatusCache cache = new StatusCache(10_000, now::get);

    @BeforeEach
    void listen() {
        cache.listening();
    }

    @Test
    void aKeptDocumentIsServedUntilItsJobChanges() {
        cache.keep(cache.lookup("a"), "{\"v\":1}");

        assertThat(cache.lookup("a").document()).isEqualTo("{\"v\":1}");
        assertThat(cache.lookup("b").hit()).isFalse();
        cache.changed("b");
        assertThat(cache.lookup("a").hit()).isTrue();
        cache.changed("a");
        assertThat(cache.lookup("a").hit()).isFalse();
    }

    @Test
    void aDocumentReadWhileItsJobChangedIsNotKept() {
        Lookup before = cache.lookup("a");
        // the read began before the change was announced: what it read may be the old state
        cache.changed("a");
        cache.keep(before, "{\"old\":true}");

        assertThat(cache.lookup("a").hit()).isFalse();
        Lookup after = cache.lookup("a");
        cache.keep(after, "{\"new\":true}");
        assertThat(cache.lookup("a").document()).isEqualTo("{\"new\":true}");
    }

    @Test
    void anotherJobsChangeDoesNotStopKeeping() {
        Lookup before = cache.lookup("a");
        cache.changed("b");
        cache.keep(before, "{\"a\":1}");

        assertThat(cache.lookup("a").hit()).isTrue();
    }

    @Test
    void nothingIsServedOrKeptWhileNotListening() {
        cache.keep(cache.lookup("a"), "{\"a\":1}");
        Lookup during = cache.lookup("b");

        cache.deaf();

        assertThat(cache.lookup("a").hit()).isFalse();
        cache.keep(cache.lookup("a"), "{\"a\":2}");
        assertThat(cache.lookup("a").hit()).isFalse();
        // listening again: a read begun before it was lost is not kept (changes may have gone unheard meanwhile)
        cache.listening();
        cache.keep(during, "{\"b\":1}");
        assertThat(cache.lookup("b").hit()).isFalse();
        cache.keep(cache.lookup("b"), "{\"b\":2}");
        assertThat(cache.lookup("b").document()).isEqualTo("{\"b\":2}");
    }

    @Test
    void aDocumentOlderThanTheMaximumAgeIsReadAgain() {
        cache.keep(cache.lookup("a"), "{\"a\":1}");
        now.addAndGet(9_999);
        assertThat(cache.lookup("a").hit()).isTrue();
        now.addAndGet(1);
        assertThat(cache.lookup("a").hit()).isFalse();
    }

    @Test
    void aMaximumAgeOfZeroTurnsTheCacheOff() {
        StatusCache off = new StatusCache(0, now::get);
        off.listening();
        off.keep(off.lookup("a"), "{\"a\":1}");

        assertThat(off.lookup("a").hit()).isFalse();
    }

    @Test
    void manyChangesForgetWhichJobChangedButStillRefuseOlderReads() {
        Lookup before = cache.lookup("a");
        for (int i = 0; i < 20_000; i++) {
            cache.changed("job-" + i);
        }
        cache.keep(before, "{\"a\":1}");

        assertThat(cache.lookup("a").hit()).isFalse();
        cache.keep(cache.lookup("a"), "{\"a\":2}");
        assertThat(cache.lookup("a").document()).isEqualTo("{\"a\":2}");
    }
}
