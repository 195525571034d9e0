package io.scenescore.media;

import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.component.seda.BlockingQueueFactory;

/**
 * The line FFmpeg calls wait in (the seda queue of routes/audio.camel.yaml's ffmpeg route): a call someone is waiting
 * on over HTTP (an automatic storyboard's measure, a timeline's decode) goes before the runs' joins and cuts, which
 * nobody waits on at that moment; within each kind, first come, first served. Without it, a request made while many
 * runs join waits behind all of their FFmpeg runs.
 */
public final class FfmpegLine implements BlockingQueueFactory<Exchange> {

    /** The exchange property holding a call's place in the line (the order it came in). */
    static final String TURN = "scenescore.ffmpegTurn";

    /** Calls outside a run (no exchange property run) first, then in the order they came. */
    static final Comparator<Exchange> ORDER = Comparator.comparing((Exchange call) -> call.getProperty("run") != null)
            .thenComparingLong(call -> call.getProperty(TURN, 0L, Long.class));

    @Override
    public BlockingQueue<Exchange> create() {
        return new Line();
    }

    @Override
    public BlockingQueue<Exchange> create(int capacity) {
        return new Line();
    }

    /** A priority queue that numbers the calls as they come in (add and put go through offer). */
    private static final class Line extends PriorityBlockingQueue<Exchange> {

        private final AtomicLong turns = new AtomicLong();

        Line() {
            super(16, ORDER);
        }

        @Override
        public boolean offer(Exchange call) {
            call.setProperty(TURN, turns.incrementAndGet());
            return super.offer(call);
        }
    }
}
