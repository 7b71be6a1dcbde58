package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers. */
public final class Ports {

    /*
     * Below Linux's ephemeral range (32768-60999): a port the kernel handed out with bind(0) can be taken as the
     * local end of an outgoing connection (a Kafka or PostgreSQL client of a service started a moment earlier)
     * before the process it was meant for listens on it: a likely cause of a service that "exited during start-up" in CI.
     */
    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32767;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** A port nothing listens on now, outside the ephemeral range, and not handed out before by this JVM. */
    public static synchronized int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + LOWEST + "-" + HIGHEST));
    }

    private static boolean bindable(int port) {
        // the wildcard address covers loopback too: the services listen on 0.0.0.0
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress((InetAddress) null, port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
