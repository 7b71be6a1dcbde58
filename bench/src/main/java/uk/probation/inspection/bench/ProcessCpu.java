package uk.probation.inspection.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 10 ms). For a process that
 * serves through children (PostgreSQL's postmaster and its backends) the tree counts: its own time, the time of
 * children it has reaped (cutime + cstime) and that of its live children, so a backend that ends between two samples
 * is counted once either way.
 */
public final class ProcessCpu {

    /** USER_HZ: 100 on Linux/x86-64 (sysconf(_SC_CLK_TCK)). */
    static final double MS_PER_TICK = 10.0;

    /** Named processes (a supplier, since a restarted service has another pid) and whether to count children. */
    private final Map<String, LongSupplier> pids = new LinkedHashMap<>();
    private final Map<String, Boolean> tree = new LinkedHashMap<>();

    public ProcessCpu add(String name, LongSupplier pid, boolean withChildren) {
        pids.put(name, pid);
        tree.put(name, withChildren);
        return this;
    }

    /** CPU-ms so far of every named process. */
    public Map<String, Double> sample() {
        Map<String, Double> ms = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long p = pid.getAsLong();
            ms.put(name, (tree.get(name) ? treeTicks(p) : ownTicks(p, false)) * MS_PER_TICK);
        });
        return ms;
    }

    /** The difference of two samples, per process. */
    public static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    static long treeTicks(long pid) {
        long total = ownTicks(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] f = fields(Long.parseLong(name));
                if (f != null && f[0] == pid) {
                    total += f[1] + f[2];
                }
            }
        } catch (IOException e) {
            // /proc unreadable: own time only
        }
        return total;
    }

    /** utime + stime (+ cutime + cstime) of one process; 0 when it is gone. */
    static long ownTicks(long pid, boolean reapedChildren) {
        long[] f = fields(pid);
        return f == null ? 0 : f[1] + f[2] + (reapedChildren ? f[3] + f[4] : 0);
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null. */
    private static long[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: split after its closing one
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The postmaster's pid, from the first line of postmaster.pid in its data directory. */
    public static long postmaster(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
