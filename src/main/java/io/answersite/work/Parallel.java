package io.answersite.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs independent items on the calling thread and the common pool's workers, each thread taking the
 * next item as it comes free. A parallel stream splits its items into as many pieces as it expects
 * threads, times four, and each piece runs whole on one thread; with the common pool's one worker on
 * two cores that is four pieces, and a site's items are far from equal (the pages in key order:
 * answers, then guides ten times as long, then short glossary terms), so one core often rendered
 * alone for the last second of the render stage of a clean 10,000-page build (JFR, topics-200 shape). Items are taken in
 * runs of consecutive ones ({@link #RUNS_PER_CALL}), so each thread keeps to its part of the site.
 */
public final class Parallel {

    /**
     * Into how many runs of consecutive items a call's items are cut at most: each thread takes the
     * next run as it comes free. Runs, not single items: the capped 50,000-page build (default shape;
     * bodies read back from a parked file) took 112 s instead of 66 s when its two threads took alternate pages, and
     * 256 runs still leave the last one at under half a percent of the work.
     */
    private static final int RUNS_PER_CALL = 256;

    private Parallel() {
    }

    /**
     * Runs {@code aside} on a new thread named {@code threadName} while {@code here} runs on the calling
     * thread; returns when both ended, and rethrows what {@code here} threw, else what {@code aside}
     * threw (work with serial parts beside other work with serial parts keeps both cores busier). A
     * thread of its own rather than {@link #forEach} over the two: that would hold the common pool's
     * one worker (two cores) for the whole of one side, and both sides run parallel loops of their own.
     */
    public static void beside(String threadName, Runnable aside, Runnable here) {
        Background<Boolean> other = Background.start(threadName, () -> {
            aside.run();
            return true;
        });
        try {
            here.run();
        } catch (RuntimeException | Error e) {
            other.awaitQuietly(); // what aside still reads (the output, the fragments) stays open until it ends
            throw e;
        }
        other.get();
    }

    /** Runs {@code action} on every item, in no particular order; rethrows the first failure once all threads stopped. */
    public static <T> void forEach(Collection<? extends T> items, Consumer<? super T> action) {
        List<? extends T> list = items instanceof List<? extends T> l ? l : new ArrayList<>(items);
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), list.size() - 1);
        if (helpers <= 0) {
            list.forEach(action);
            return;
        }
        Claims<T> claims = new Claims<>(list, action);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            tasks.add(ForkJoinPool.commonPool().submit(claims::work));
        }
        claims.work();
        tasks.forEach(ForkJoinTask::join);
        claims.rethrow();
    }

    /**
     * As {@link #forEach}, on {@code threads} threads of its own besides the caller: for items that
     * wait on the disk more than they compute, such as reading every content file of a site that is
     * not in the page cache (a fresh clone): the disk serves several reads at once, and two threads
     * left it idle most of the time.
     */
    public static <T> void forEachWaiting(List<? extends T> items, int threads, Consumer<? super T> action) {
        int helpers = Math.min(threads, items.size() - 1);
        if (helpers <= 0) {
            items.forEach(action);
            return;
        }
        Claims<T> claims = new Claims<>(items, action);
        List<Thread> started = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            Thread thread = new Thread(claims::work, "answersite-reader-" + h);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        claims.work();
        boolean interrupted = false;
        for (Thread thread : started) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // every helper is waited for: none may outlive the call
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        claims.rethrow();
    }

    /** The items of one call, taken by index in runs; the first failure stops the taking. */
    private static final class Claims<T> {
        private final List<? extends T> items;
        private final Consumer<? super T> action;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        /** How many consecutive items a thread takes at once (see the class comment). */
        private final int run;

        Claims(List<? extends T> items, Consumer<? super T> action) {
            this.items = items;
            this.action = action;
            this.run = Math.max(1, items.size() / RUNS_PER_CALL);
        }

        void work() {
            for (int start = next.getAndAdd(run); start < items.size() && failure.get() == null;
                 start = next.getAndAdd(run)) {
                for (int i = start; i < Math.min(start + run, items.size()) && failure.get() == null; i++) {
                    try {
                        action.accept(items.get(i));
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }
        }

        void rethrow() {
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
        }
    }

    /** {@code function} of every item, in the items' order, computed as {@link #forEach} runs them. */
    public static <T, R> List<R> map(List<? extends T> items, Function<? super T, ? extends R> function) {
        return mapBy(items, function, Parallel::forEach);
    }

    /** {@code function} of every item, in the items' order, computed as {@link #forEachWaiting} runs them. */
    public static <T, R> List<R> mapWaiting(List<? extends T> items, int threads, Function<? super T, ? extends R> function) {
        return mapBy(items, function, (indexes, action) -> forEachWaiting(indexes, threads, action));
    }

    @SuppressWarnings("unchecked")
    private static <T, R> List<R> mapBy(List<? extends T> items, Function<? super T, ? extends R> function,
                                        BiConsumer<List<Integer>, Consumer<Integer>> runner) {
        Object[] results = new Object[items.size()];
        runner.accept(IntStream.range(0, items.size()).boxed().toList(), i -> results[i] = function.apply(items.get(i)));
        return Collections.unmodifiableList((List<R>) Arrays.asList(results));
    }
}
