package uk.probation.inspection.platform.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} (version 00): {@code 00-<trace id>-<parent span id>-<flags>}. Plain text
 * handling, no tracing SDK: the id is what ties a request to the events it caused and to every log line of that work.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The header as sent, if it is a valid one. Per the recommendation, an invalid header (bad shape, version ff,
     * all-zero ids, upper-case hex) is ignored and a new trace starts; a later version's extra fields are allowed.
     */
    public static Optional<TraceParent> parse(String header) {
        if (header == null || header.length() > 512) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(header.trim());
        if (!match.matches() || header.startsWith("ff") || (header.startsWith("00") && match.group(4) != null)) {
            return Optional.empty();
        }
        if (match.group(1).equals(ZERO_TRACE) || match.group(2).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(match.group(1), match.group(2), match.group(3)));
    }

    /** A new trace, sampled flag off (nothing is exported). */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, ZERO_TRACE), randomHex(8, ZERO_SPAN), "00");
    }

    /** The span of work done here on behalf of this one: same trace, a new span id. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8, ZERO_SPAN), flags);
    }

    /** {@code header}'s child when it is valid, else a new trace. */
    public static TraceParent continueOrStart(String header) {
        return parse(header).map(TraceParent::child).orElseGet(TraceParent::newTrace);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    @Override
    public String toString() {
        return header();
    }

    private static String randomHex(int bytes, String zero) {
        byte[] random = new byte[bytes];
        String hex;
        do {
            ThreadLocalRandom.current().nextBytes(random);
            hex = HEX.formatHex(random);
        } while (hex.equals(zero));
        return hex;
    }
}
