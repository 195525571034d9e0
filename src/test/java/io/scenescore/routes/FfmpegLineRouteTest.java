package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.scenescore.media.FfmpegOutcome;

/**
 * The line FFmpeg calls wait in (routes/audio.camel.yaml, ffmpeg and ffmpeg-run; two at once in these tests): a call
 * made outside a run, which someone waits on over HTTP, goes before the runs' calls already waiting, but no more than
 * four in a row.
 */
class FfmpegLineRouteTest extends RunRoutesTestSupport {

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch bothRunning = new CountDownLatch(2);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final CountDownLatch releaseSecond = new CountDownLatch(1);

    @Override
    String provider() {
        return "fake";
    }

    @Test
    void aCallSomeoneWaitsOnGoesBeforeTheRunsCallsWaitingInLine() throws Exception {
        assertThat(served("join 3", "join 4", "timeline")).containsExactly("timeline", "join 3", "join 4");
    }

    @Test
    void afterFourCallsWentAheadTheOldestRunsCallGoesNext() throws Exception {
        assertThat(served("join 3", "storyboard 1", "storyboard 2", "storyboard 3", "storyboard 4", "storyboard 5"))
                .containsExactly("storyboard 1", "storyboard 2", "storyboard 3", "storyboard 4", "join 3", "storyboard 5");
    }

    /**
     * The order in which FFmpeg ran {@code waiting} (a run's call when its name starts with "join"), put in line one
     * after the other while both places are taken by two runs' calls, then served by one place freed alone.
     */
    private List<String> served(String... waiting) throws Exception {
        advise("ffmpeg-run", a -> {
            a.weaveById("exec-ffmpeg").replace().process(this::exec);
            a.weaveById("check-ffmpeg").replace().setVariable("answer", a.constant(new FfmpegOutcome.Finished("", "")));
        });
        context.start();

        List<Future<Exchange>> calls = new ArrayList<>();
        calls.add(call("join 1", true));
        calls.add(call("join 2", true));
        // both FFmpeg places taken: whatever comes now waits in line
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> bothRunning.getCount() == 0);
        // one after the other, each in line before the next is sent (asyncSend's threads could swap them)
        for (String name : waiting) {
            calls.add(call(name, name.startsWith("join")));
            int inLine = calls.size() - 2;
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> lineLength() == inLine);
        }
        // one place freed: the line is served in its order by that place alone, the other still taken
        releaseFirst.countDown();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> ran.size() == calls.size());
        releaseSecond.countDown();
        for (Future<Exchange> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).getException()).isNull();
        }

        assertThat(ran.subList(0, 2)).containsExactlyInAnyOrder("join 1", "join 2");
        return ran.subList(2, ran.size());
    }

    private Future<Exchange> call(String name, boolean ofARun) {
        return template.asyncSend("direct:ffmpeg", e -> {
            e.setProperty("call", name);
            if (ofARun) {
                e.setProperty("run", name);
            }
        });
    }

    private int lineLength() {
        return context.getEndpoint("seda:ffmpeg", org.apache.camel.component.seda.SedaEndpoint.class).getQueue().size();
    }

    private void exec(Exchange exchange) throws InterruptedException {
        String call = exchange.getProperty("call", String.class);
        ran.add(call);
        if (call.equals("join 1") || call.equals("join 2")) {
            bothRunning.countDown();
            (call.equals("join 1") ? releaseFirst : releaseSecond).await(10, TimeUnit.SECONDS);
        }
    }
}
