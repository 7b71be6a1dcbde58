package uk.probation.inspection.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM that dies with this one (see {@link ParentWatch}) and logs to a file.
 */
public final class JavaProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param classpath the child's classpath; this module's own classes are appended for {@link ParentWatch}
     * @param jvmOptions options such as {@code -Xmx256m}
     * @param mainClass the program to run
     */
    public static JavaProcess start(String name, String classpath, List<String> jvmOptions, String mainClass,
            List<String> args, Map<String, String> env, Path log) {
        return start(name, Path.of(System.getProperty("java.home"), "bin", "java"), classpath, jvmOptions, mainClass,
                args, env, log);
    }

    /** As {@link #start(String, String, List, String, List, Map, Path)}, on another JVM ({@code java}: its launcher). */
    public static JavaProcess start(String name, Path java, String classpath, List<String> jvmOptions, String mainClass,
            List<String> args, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath + File.pathSeparator + ParentWatchJar.location(ownLocation()));
        command.add(ParentWatch.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return new JavaProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Where this class was loaded from: a jar, or target/classes during a build. */
    static String ownLocation() {
        try {
            return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code action} once, after the process has ended: within {@link #stop}, {@link #kill} or
     * {@link #awaitExit} (so before they return), or when it ends by itself. The action learns whether it was killed
     * (SIGKILL), i.e. whether its shutdown may have been cut short.
     */
    public void onExit(java.util.function.Consumer<Boolean> action) {
        exitActions.add(action);
        process.onExit().thenRun(this::exited);
    }

    private final List<java.util.function.Consumer<Boolean>> exitActions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean exitHandled = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean forced;

    private void exited() {
        if (!process.isAlive() && exitHandled.compareAndSet(false, true)) {
            exitActions.forEach(a -> a.accept(forced));
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The last lines of its log, for a start-up failure's message: in CI only the test output is kept. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of {@code log}, or why it could not be read. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL if it has not gone within the grace period. */
    public void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                forced = true;
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            forced = true;
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        exited();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                forced = true;
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
            exited();
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Simulates a crash: SIGKILL, no shutdown hooks. */
    public void kill() {
        forced = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exited();
    }
}
