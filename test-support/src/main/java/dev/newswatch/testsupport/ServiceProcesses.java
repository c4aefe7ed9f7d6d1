package dev.newswatch.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The runs of one service a test starts, each in its own JVM ({@link ServiceProcess}), waited for until ready, so
 * that what a run misses is what the test makes it miss. Registered as an extension, it prints the tail of the
 * service's log when the test fails; closing it stops every run still alive.
 */
public final class ServiceProcesses implements AfterTestExecutionCallback, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(1);
    private static final int LOG_TAIL_LINES = 60;

    private final Class<?> main;
    private final List<ServiceProcess> runs = new ArrayList<>();

    public ServiceProcesses(Class<?> main) {
        this.main = main;
    }

    /** Starts a run as {@link ServiceProcess#start} does and waits until its {@code /ready} answers 200. */
    public ServiceProcess startReady(Path config, int metricsPort, Path log) {
        ServiceProcess run = ServiceProcess.start(main, config, metricsPort, log);
        runs.add(run);
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> run.readiness().equals(OptionalInt.of(200)));
        return run;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && !runs.isEmpty()) {
            ServiceProcess last = runs.get(runs.size() - 1);
            System.out.println("--- last " + LOG_TAIL_LINES + " lines of " + main.getSimpleName() + "'s log "
                    + last.log() + " ---\n" + last.logTail(LOG_TAIL_LINES));
        }
    }

    @Override
    public void close() {
        runs.forEach(ServiceProcess::close);
    }
}
