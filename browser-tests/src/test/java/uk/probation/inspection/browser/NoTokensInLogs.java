package uk.probation.inspection.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sign-in must never write a token to a log line: after a run, the services' logs (the {@code *.log} files of its run
 * folder) hold nothing shaped like a JWT (three base64url parts, the first two JSON objects).
 */
final class NoTokensInLogs {

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private NoTokensInLogs() {
    }

    static void check(Path runDir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(runDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    lines.filter(l -> JWT.matcher(l).find()).limit(3)
                            .forEach(l -> found.add(log.getFileName() + ": " + l.substring(0, Math.min(160, l.length()))));
                }
            }
        }
        assertEquals(List.of(), found, "a token in a log line");
    }
}
