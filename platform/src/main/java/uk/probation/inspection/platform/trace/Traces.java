package uk.probation.inspection.platform.trace;

import org.jboss.logging.MDC;

/**
 * The trace of the work the current thread (or request context: Quarkus keeps the MDC per Vert.x context) is doing,
 * kept in the logging MDC so that every log line carries it ({@code traceId}, {@code spanId}) and the outbox
 * writer can put it on the events this work emits ({@code traceparent}).
 */
public final class Traces {

    public static final String HEADER = "traceparent";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    private static final String TRACEPARENT = "traceparent";

    private Traces() {
    }

    /** The current {@code traceparent}, or null outside any traced work. */
    public static String current() {
        Object value = MDC.get(TRACEPARENT);
        return value == null ? null : value.toString();
    }

    /** Makes {@code trace} current until the scope closes, which restores what was current before. */
    public static Scope enter(TraceParent trace) {
        Scope previous = new Scope(MDC.get(TRACEPARENT), MDC.get(TRACE_ID), MDC.get(SPAN_ID));
        set(trace);
        return previous;
    }

    /**
     * Work done for an event that arrived with {@code traceparent} (null when it came without one): a child span of
     * that trace, or no trace at all (background work is not given an id nobody can look for).
     */
    public static Scope continuing(String traceparent) {
        return TraceParent.parse(traceparent).map(t -> enter(t.child()))
                .orElseGet(() -> enter(null));
    }

    /** Makes the span {@code traceparent} (as written by this service, e.g. by {@link #continuing}) current again. */
    public static Scope resume(String traceparent) {
        return enter(TraceParent.parse(traceparent).orElse(null));
    }

    static void set(TraceParent trace) {
        if (trace == null) {
            MDC.remove(TRACEPARENT);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        } else {
            MDC.put(TRACEPARENT, trace.header());
            MDC.put(TRACE_ID, trace.traceId());
            MDC.put(SPAN_ID, trace.spanId());
        }
    }

    /** What was current before {@link #enter}; closing it puts that back. */
    public static final class Scope implements AutoCloseable {
        private final Object traceparent;
        private final Object traceId;
        private final Object spanId;

        private Scope(Object traceparent, Object traceId, Object spanId) {
            this.traceparent = traceparent;
            this.traceId = traceId;
            this.spanId = spanId;
        }

        @Override
        public void close() {
            restore(TRACEPARENT, traceparent);
            restore(TRACE_ID, traceId);
            restore(SPAN_ID, spanId);
        }

        private static void restore(String key, Object value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
