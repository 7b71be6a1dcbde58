package uk.probation.inspection.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording's execution samples ({@code jdk.ExecutionSample}, what {@code jfr print --events
 * jdk.ExecutionSample} lists) say: the hottest top frames (self time), and the hottest frames of this project's own
 * code and of each library anywhere on the stack (total time), as shares of all samples.
 */
public final class JfrSummary {

    public record Line(String frame, long samples, double share) {
    }

    public record Summary(long samples, List<Line> topFrames, List<Line> ownCode, List<Line> packages) {
    }

    public static Summary of(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> own = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1L, Long::sum);
            java.util.Set<String> ownSeen = new java.util.HashSet<>();
            java.util.Set<String> packagesSeen = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("uk.probation.") && ownSeen.add(name(frame))) {
                    own.merge(name(frame), 1L, Long::sum);
                }
                if (packagesSeen.add(library(type))) {
                    packages.merge(library(type), 1L, Long::sum);
                }
            }
        }
        return new Summary(samples, top(self, samples, top), top(own, samples, top), top(packages, samples, top));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The first three package segments (io.vertx.core, org.hibernate.orm, org.postgresql.core). */
    private static String library(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static List<Line> top(Map<String, Long> counts, long samples, int n) {
        List<Line> lines = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> lines.add(new Line(e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, samples))));
        return lines;
    }
}
