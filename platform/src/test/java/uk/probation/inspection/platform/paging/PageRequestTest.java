package uk.probation.inspection.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.platform.problem.ProblemException;

class PageRequestTest {

    @Test
    void cursorsRoundTrip() {
        PageRequest page = PageRequest.of(PageRequest.cursor(List.of("2026-12-01T10:00:00Z", "a|b\nc")), "5", 10, 20, 2);
        assertEquals(List.of("2026-12-01T10:00:00Z", "a|b\nc"), page.after());
        assertEquals(5, page.size());
        assertEquals(10, PageRequest.of(null, null, 10, 20, 2).size());
        assertEquals(10, PageRequest.of("", "", 10, 20, 2).size()); // "?size=&cursor=": the first page, default size
        assertTrue(PageRequest.of("", "", 10, 20, 2).first());
    }

    @Test
    void badParametersAre400sNamingThem() {
        for (String size : new String[] {"0", "-1", "21", "abc", "99999999999999999999", " "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(null, size, 10, 20, 1));
            assertEquals(400, e.status());
            assertEquals("size", e.toProblem().errors().get(0).field());
        }
        String oneField = PageRequest.cursor(List.of("x"));
        for (String cursor : new String[] {"!", "%%%", oneField, "x".repeat(5000)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(cursor, null, 10, 20, 2),
                    cursor);
            assertEquals("cursor", e.toProblem().errors().get(0).field());
        }
    }

    @Test
    void collectSkipsWhatTheCallerMayNotSeeAndSaysWhetherMoreFollow() {
        List<Integer> rows = IntStream.range(0, 50).boxed().toList();
        Page.Fetch<Integer> fetch = (after, limit) -> rows.stream()
                .filter(r -> after.isEmpty() || r > Integer.parseInt(after.get(0))).limit(limit).toList();
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Integer> page = Page.collect(PageRequest.of(cursor, "4", 4, 4, 1), fetch, r -> List.of(r.toString()),
                    r -> r % 3 == 0 ? Optional.of(r) : Optional.empty());
            seen.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
            pages++;
        } while (cursor != null);
        assertEquals(IntStream.range(0, 50).filter(r -> r % 3 == 0).boxed().toList(), seen);
        assertEquals(5, pages); // 17 visible rows: 4 + 4 + 4 + 4 + 1
    }
}
