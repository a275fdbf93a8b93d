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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent items on the calling thread and the common pool's workers, each thread taking the
 * next item as it comes free. A parallel stream splits its items into as many pieces as it expects
 * threads, times four, and each piece runs whole on one thread; with the common pool's one worker on
 * two cores that is four pieces, and a site's items are far from equal (the pages in key order:
 * answers, then guides ten times as long, then short glossary terms), so one core often rendered
 * alone for the last second of the render stage of a clean 10,000-page build. Items are taken one at
 * a time: each is a page or a file, thousands of times the cost of taking it.
 */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code action} on every item, in no particular order; rethrows the first failure once all threads stopped. */
    public static <T> void forEach(Collection<? extends T> items, Consumer<? super T> action) {
        List<? extends T> list = items instanceof List<? extends T> l ? l : new ArrayList<>(items);
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), list.size() - 1);
        if (helpers <= 0) {
            list.forEach(action);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < list.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    action.accept(list.get(i));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<ForkJoinTask<?>> tasks = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            tasks.add(ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        tasks.forEach(ForkJoinTask::join);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    /** {@code function} of every item, in the items' order, computed as {@link #forEach} runs them. */
    @SuppressWarnings("unchecked")
    public static <T, R> List<R> map(List<? extends T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        List<Integer> indexes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            indexes.add(i);
        }
        forEach(indexes, i -> results[i] = function.apply(items.get(i)));
        return Collections.unmodifiableList((List<R>) Arrays.asList(results));
    }
}
