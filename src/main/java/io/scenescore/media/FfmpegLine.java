package io.scenescore.media;

import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.component.seda.BlockingQueueFactory;

/**
 * The line FFmpeg calls wait in (the seda queue of routes/audio.camel.yaml's ffmpeg route): a call made outside a run
 * (an automatic storyboard's measure, for a request or a dropped file; a timeline's decode) goes before the runs'
 * joins and cuts, which nobody waits on at that moment; within each kind, first come, first served. Without it, a
 * request made while many runs join waits behind all of their FFmpeg runs. So that a stream of such calls cannot hold
 * the runs back for as long as it lasts, after {@link #AHEAD_AT_MOST} of them in a row the oldest run's call waiting
 * goes next.
 */
public final class FfmpegLine implements BlockingQueueFactory<Exchange> {

    /** How many calls outside a run may go before a run's call that waits, one after the other. */
    static final int AHEAD_AT_MOST = 4;

    /** The exchange property holding a call's place in the line (the order it came in). */
    static final String TURN = "scenescore.ffmpegTurn";

    /** Calls outside a run (no exchange property run) first, then in the order they came. */
    static final Comparator<Exchange> ORDER = Comparator.comparing(FfmpegLine::ofARun)
            .thenComparingLong(call -> call.getProperty(TURN, 0L, Long.class));

    @Override
    public BlockingQueue<Exchange> create() {
        return new Line();
    }

    @Override
    public BlockingQueue<Exchange> create(int capacity) {
        return new Line();
    }

    private static boolean ofARun(Exchange call) {
        return call.getProperty("run") != null;
    }

    /**
     * A priority queue that numbers the calls as they come in (add and put go through offer) and, as seda's consumers
     * take them (poll with a timeout), lets a run's call through after {@link #AHEAD_AT_MOST} others went ahead.
     */
    private static final class Line extends PriorityBlockingQueue<Exchange> {

        private final AtomicLong turns = new AtomicLong();
        private int wentAhead;

        Line() {
            super(16, ORDER);
        }

        @Override
        public boolean offer(Exchange call) {
            call.setProperty(TURN, turns.incrementAndGet());
            return super.offer(call);
        }

        @Override
        public Exchange poll(long timeout, TimeUnit unit) throws InterruptedException {
            Exchange next = super.poll(timeout, unit);
            if (next == null) {
                return null;
            }
            synchronized (this) {
                if (ofARun(next)) {
                    wentAhead = 0;
                    return next;
                }
                Exchange oldestRun = wentAhead < AHEAD_AT_MOST ? null
                        : stream().filter(FfmpegLine::ofARun).min(ORDER).orElse(null);
                if (oldestRun != null && remove(oldestRun)) {
                    // back in line with the place it had
                    super.offer(next);
                    wentAhead = 0;
                    return oldestRun;
                }
                wentAhead++;
                return next;
            }
        }
    }
}
