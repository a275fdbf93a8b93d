package io.answersite.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** How long each named stage took, in the order they ran. */
public final class StageTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final BuildListener listener;

    public StageTimes() {
        this(BuildListener.SILENT);
    }

    public StageTimes(BuildListener listener) {
        this.listener = listener;
    }

    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long spent = System.nanoTime() - start;
            nanos.merge(stage, spent, Long::sum);
            listener.stageEnded(stage, spent / 1_000_000);
        }
    }

    BuildListener listener() {
        return listener;
    }

    public Map<String, Long> millis() {
        Map<String, Long> result = new LinkedHashMap<>();
        nanos.forEach((stage, n) -> result.put(stage, n / 1_000_000));
        return result;
    }

    public long totalMillis() {
        return nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
    }

    @Override
    public String toString() {
        return millis().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }
}
