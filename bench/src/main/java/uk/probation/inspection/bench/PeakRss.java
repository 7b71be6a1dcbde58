package uk.probation.inspection.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each service's highest RSS while it runs, sampled every 500 ms from a daemon thread, and the step that set it:
 * the steps say which load a peak belongs to.
 */
final class PeakRss {

    private final Supplier<Map<String, Double>> now;
    private final Map<String, Double> peaks = new ConcurrentHashMap<>();
    private final Map<String, String> stepOfPeak = new ConcurrentHashMap<>();
    private volatile boolean sampling = true;
    private volatile String step = "";

    /** @param now each service's RSS in MB at this moment */
    PeakRss(Supplier<Map<String, Double>> now) {
        this.now = now;
        Thread sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The step now running, named as its section. */
    void step(String title) {
        step = title;
    }

    void stop() {
        sampling = false;
    }

    /** -1 when never sampled. */
    double of(String service) {
        return peaks.getOrDefault(service, -1.0);
    }

    /** Where each peak was set, e.g. "case-service in 3b. A 10,000-answer batch". */
    List<String> steps(List<String> services) {
        return services.stream().filter(stepOfPeak::containsKey)
                .map(s -> s + " in " + stepOfPeak.get(s).replaceAll(":.*", "")).toList();
    }

    private void sample() {
        while (sampling) {
            now.get().forEach((service, mb) -> {
                if (mb > peaks.getOrDefault(service, 0.0)) {
                    peaks.put(service, mb);
                    stepOfPeak.put(service, step);
                }
            });
            AnswerLoad.pause(500);
        }
    }
}
