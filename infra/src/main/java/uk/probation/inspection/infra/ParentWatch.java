package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's main class, and exits when the parent process goes away.
 *
 * <p>The launcher keeps a pipe open to the child's standard input; when the launcher dies (even by
 * {@code kill -9}) the pipe closes, this thread reads end-of-file and calls {@link System#exit}, which
 * runs the child's shutdown hooks. No broker or service outlives the JVM or script that started it.
 *
 * <p>Usage: {@code java -cp ... uk.probation.inspection.infra.ParentWatch <main-class> [args...]}
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatch <main-class> [args...]");
            System.exit(2);
        }
        Thread watcher = new Thread(ParentWatch::exitOnEndOfInput, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitOnEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Discard: the pipe exists only so that its closing tells us the parent is gone.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same thing as end of input.
        }
        System.exit(0);
    }
}
