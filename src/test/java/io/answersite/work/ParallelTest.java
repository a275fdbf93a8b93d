package io.answersite.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void runsEveryItemExactlyOnce() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        int[] runs = new int[items.size()];
        Parallel.forEach(items, i -> {
            synchronized (runs) {
                runs[i]++;
            }
        });
        assertEquals(items.size(), IntStream.of(runs).filter(count -> count == 1).count());
        Set<Integer> fromASet = ConcurrentHashMap.newKeySet();
        Parallel.forEach(Set.of(1, 2, 3), fromASet::add);
        assertEquals(Set.of(1, 2, 3), fromASet);
        Parallel.forEach(List.<Integer>of(), i -> {
            throw new AssertionError("no item");
        });
    }

    @Test
    void mapsInTheItemsOrderEvenWhenNestedOrNull() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        List<List<Integer>> squares = Parallel.map(items, i -> Parallel.map(List.of(i, i + 1), j -> j * j));
        for (int i = 0; i < items.size(); i++) {
            assertEquals(List.of(i * i, (i + 1) * (i + 1)), squares.get(i));
        }
        assertEquals(java.util.Arrays.asList(null, "b"), Parallel.map(List.of("a", "b"), s -> s.equals("a") ? null : s));
    }

    @Test
    void rethrowsTheFailureAndStopsTakingItems() {
        IllegalStateException failure = new IllegalStateException("item 3");
        AtomicInteger started = new AtomicInteger();
        List<Integer> items = new ArrayList<>(IntStream.range(0, 100_000).boxed().toList());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(items, i -> {
            started.incrementAndGet();
            if (i == 3) {
                throw failure;
            }
        }));
        assertSame(failure, thrown);
        assertEquals(true, started.get() < items.size(), "items after the failure were still taken");
    }

    @Test
    void waitingItemsRunOnThreadsOfTheirOwnAndEveryHelperIsDoneOnReturn() {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        int[] runs = new int[items.size()];
        Parallel.forEachWaiting(items, 6, i -> {
            running.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            synchronized (runs) {
                runs[i]++;
            }
            running.decrementAndGet();
        });
        assertEquals(0, running.get(), "an item still ran after the call returned");
        assertEquals(items.size(), IntStream.of(runs).filter(count -> count == 1).count());
        assertEquals(true, threads.stream().allMatch(name -> name.startsWith("answersite-reader-")
                || name.equals(Thread.currentThread().getName())), threads.toString());
        IllegalStateException failure = new IllegalStateException("unreadable");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Parallel.forEachWaiting(items, 3, i -> {
            if (i == 10) {
                throw failure;
            }
        })));
    }

    @Test
    void besideRunsTheOtherWorkOnANamedThreadAndReturnsWhenBothEnded() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        Parallel.beside("answersite-test-aside", () -> {
            threads.add(Thread.currentThread().getName());
            done.incrementAndGet();
        }, () -> {
            threads.add(Thread.currentThread().getName());
            done.incrementAndGet();
        });
        assertEquals(2, done.get());
        assertEquals(Set.of("answersite-test-aside", Thread.currentThread().getName()), threads);
    }

    @Test
    void besideRethrowsWhatTheCallingThreadsWorkThrewOnlyAfterTheOtherWorkEnded() {
        IllegalStateException here = new IllegalStateException("here");
        AtomicInteger asideEnded = new AtomicInteger();
        assertSame(here, assertThrows(IllegalStateException.class, () -> Parallel.beside("answersite-test-aside", () -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            asideEnded.incrementAndGet();
        }, () -> {
            throw here;
        })));
        assertEquals(1, asideEnded.get(), "the other work had ended when the failure was rethrown");
    }

    @Test
    void besideRethrowsWhatTheOtherWorkThrew() {
        IllegalArgumentException aside = new IllegalArgumentException("aside");
        assertSame(aside, assertThrows(IllegalArgumentException.class,
                () -> Parallel.beside("answersite-test-aside", () -> {
                    throw aside;
                }, () -> { })));
    }
}
