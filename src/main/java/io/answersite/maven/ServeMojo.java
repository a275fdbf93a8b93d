package io.answersite.maven;

import io.answersite.serve.PreviewServer;
import io.answersite.serve.SourceWatcher;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the site into memory, serves it on {@code http://127.0.0.1:8080/}, watches content,
 * templates and site settings, rebuilds what a change reaches and reloads open pages. Drafts and
 * scheduled pages are shown (marked) unless {@code -Dsite.drafts=false}. Stops on Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true)
public final class ServeMojo extends AbstractPipelineMojo {

    /** The port to listen on; 0 picks a free one. */
    @Parameter(property = "site.port", defaultValue = "8080")
    private int port;

    /** The address to listen on; keep it on loopback unless the preview must be reachable from elsewhere. */
    @Parameter(property = "site.bind", defaultValue = "127.0.0.1")
    private String bind;

    @Override
    public void execute() throws MojoExecutionException {
        BuildRequest request = request(draftsGiven() ? drafts() : true);
        PreviewServer server = new PreviewServer(new Answersite(ServeMojo.class.getClassLoader()), request,
                line -> {
                    switch (line.level()) {
                        case ERROR -> getLog().error(line.text());
                        case WARNING -> getLog().warn(line.text());
                        default -> getLog().info(line.text());
                    }
                }, outOfMemory -> getLog().error(HeapAdvice.message("a rebuild of the preview",
                        Runtime.getRuntime().maxMemory()) + "; meanwhile the last good site is served, and the next"
                        + " edit tries again"));
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            int actualPort = server.start(bind, port);
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            PreviewHeapHint.of(heap.getInit(), heap.getCommitted()).ifPresent(getLog()::info);
            SourceWatcher watcher = new SourceWatcher(watchedFolders(), server::changed);
            Thread hook = new Thread(() -> {
                watcher.close();
                server.close();
                stopped.countDown();
            }, "answersite-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            getLog().info("answersite: serving http://" + bind + ":" + actualPort + "/ (Ctrl-C to stop)");
            stopped.await();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the preview server on " + bind + ":" + port + ": "
                    + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(HeapAdvice.message("the preview", Runtime.getRuntime().maxMemory()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
