package io.answersite.site;

import io.answersite.TestSites;
import io.answersite.output.OutputBusyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A build in a JVM of its own, through the facade, as {@code mvn site:build} runs it: for tests that
 * kill a build (SIGKILL, as the out-of-memory killer does) or run two at once. The build can stop at
 * a named point and say so ({@code PAUSED <point>} on its output), then wait for a line on its input
 * before it goes on; it prints {@code NOTE <message>} for what the build tells the person building,
 * and ends with {@code RESULT <summary>}, or {@code BUSY <message>} when another build kept the
 * output folder.
 *
 * <p>Points: {@code stage:<name>} when a stage ends, {@code render} for each progress report of the
 * render stage, and the commit's own points (see {@link io.answersite.output.OutputTree#open(Path,
 * java.util.function.Consumer)}). {@code <point>*<n>} stops at its n-th passing.
 */
public final class ForkedBuild {

    /** Runs one build: {@code site output cacheDir|- point|- lockWaitSeconds}. */
    public static void main(String[] args) throws IOException {
        Path site = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String[] pause = args[3].split("\\*");
        int occurrence = pause.length > 1 ? Integer.parseInt(pause[1]) : 1;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BuildListener listener = new BuildListener() {
            private int passed;

            private void pass(String point) {
                if (point.startsWith("cache:")) { // passed on a thread of its own, while the commit may be paused
                    out.println("PASSED " + point);
                    return;
                }
                pauseAt(point);
            }

            private synchronized void pauseAt(String point) {
                if (point.equals(pause[0]) && ++passed == occurrence) {
                    out.println("PAUSED " + args[3]);
                    try {
                        in.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void stageEnded(String stage, long millis) {
                pass("stage:" + stage);
            }

            @Override
            public void pagesRendered(int done, int total) {
                pass("render");
            }

            @Override
            public void reached(String point) {
                pass(point);
            }

            @Override
            public void note(String message) {
                out.println("NOTE " + message);
            }
        };
        Answersite answersite = new Answersite(ForkedBuild.class.getClassLoader(), listener)
                .waitingForOtherBuilds(Duration.ofSeconds(Long.parseLong(args[4])));
        BuildRequest request = TestSites.request(site).withOutputDir(output);
        try {
            BuildResult result = args[2].equals("-") ? answersite.build(request)
                    : answersite.build(request, Path.of(args[2]));
            out.println("RESULT " + result.summary());
            System.exit(result.failed() ? 1 : 0);
        } catch (OutputBusyException e) {
            out.println("BUSY " + e.getMessage());
            System.exit(3);
        }
    }

    /** A running forked build, seen from the test. */
    public static final class Handle {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private Handle(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("READ-FAILED " + e);
                }
                lines.add("EXITED");
            }, "forked-build-output");
            reader.setDaemon(true);
            reader.start();
        }

        public long pid() {
            return process.pid();
        }

        /** Every line up to the first that starts with {@code prefix}, which is returned; fails if the build ends first. */
        public String awaitLine(String prefix) {
            while (true) {
                String line;
                try {
                    line = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.equals("EXITED")) {
                    throw new AssertionError("the forked build ended before '" + prefix + "': " + seen + "\n"
                            + stderr());
                }
            }
        }

        /** Lets a paused build go on. */
        public void resume() {
            try {
                Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SIGKILL, as the out-of-memory killer sends: no shutdown hook, no finally block runs. */
        public void kill() {
            process.destroyForcibly();
            waitForExit();
        }

        public int waitForExit() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The lines read so far, and the rest once the build has ended. */
        public List<String> output() {
            List<String> all = new ArrayList<>(seen);
            lines.drainTo(all);
            seen.clear();
            seen.addAll(all);
            return all;
        }

        private String stderr() {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }
    }

    /** Starts a build of {@code site} into {@code output} in a new JVM with the tests' class path. */
    public static Handle start(Path site, Path output, Path cacheDir, String pauseAt, Duration lockWait) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ForkedBuild.class.getName(),
                site.toString(), output.toString(), cacheDir == null ? "-" : cacheDir.toString(),
                pauseAt == null ? "-" : pauseAt, Long.toString(lockWait.toSeconds()));
        try {
            return new Handle(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for a forked build", e);
        }
    }

    private ForkedBuild() {
    }
}
