package uk.probation.inspection.feedback.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.feedback.summary.ComplementarySuppression.Figure;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Relation;

/** The complementary suppression rule with numbers, and what a reader can still work out from what is shown. */
class ComplementarySuppressionTest {

    private static final int T = 5;
    private final Suppression primary = new Suppression(T);
    private final ComplementarySuppression headcounts = new ComplementarySuppression(f -> primary.hides(f.count()));
    private final ComplementarySuppression figures = new ComplementarySuppression(f -> primary.hides(f.count(), f.base()));

    private static Map<String, Figure> headcountCells(Object... nameThenCount) {
        Map<String, Figure> cells = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCount.length; i += 2) {
            cells.put((String) nameThenCount[i], Figure.headcount((Integer) nameThenCount[i + 1]));
        }
        return cells;
    }

    private Set<String> suppressOne(ComplementarySuppression rule, Map<String, Figure> cells) {
        return rule.suppress(cells, Set.of(), List.of(Relation.ofShownTotal(List.copyOf(cells.keySet()))));
    }

    @Test
    void theSmallestOtherGroupHidesTheSmallOne() {
        Map<String, Figure> cells = headcountCells("A", 1, "B", 7, "C", 30);
        assertEquals(Set.of("A", "B"), suppressOne(headcounts, cells));

        // Primary suppression alone: the visible total minus the shown groups gives A back exactly.
        assertEquals(1, 38 - 7 - 30);
    }

    @Test
    void subtractingTheShownGroupsFromTheTotalRecoversNoHiddenGroup() {
        Map<String, Figure> cells = headcountCells("A", 1, "B", 7, "C", 30);
        Set<String> hidden = suppressOne(headcounts, cells);
        int total = 38; // what the reader sees in the summary
        int shown = cells.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                .mapToInt(e -> e.getValue().count()).sum();
        int remainder = total - shown;
        assertEquals(8, remainder);

        // Every split of the remainder that the same rule would hide the same way is as good as the truth to a reader
        // who knows the rule: A (and B) could be anything from 1 to 7.
        Set<Integer> possibleA = new TreeSet<>();
        Set<Integer> possibleB = new TreeSet<>();
        for (int a = 1; a < remainder; a++) {
            Map<String, Figure> candidate = headcountCells("A", a, "B", remainder - a, "C", 30);
            if (suppressOne(headcounts, candidate).equals(hidden)) {
                possibleA.add(a);
                possibleB.add(remainder - a);
            }
        }
        assertTrue(possibleA.size() > 1 && possibleA.contains(1), "A is not pinned down: " + possibleA);
        assertTrue(possibleB.size() > 1 && possibleB.contains(7), "B is not pinned down: " + possibleB);
    }

    @Test
    void yesOfAnsweredFiguresAreHiddenInPairs() {
        Map<String, Figure> cells = new LinkedHashMap<>();
        cells.put("WOMEN", new Figure(2, 3)); // base under 5
        cells.put("MEN", new Figure(20, 40));
        cells.put("OTHER", new Figure(30, 50));
        Set<String> hidden = suppressOne(figures, cells);
        assertEquals(Set.of("WOMEN", "MEN"), hidden);
        // total 52 of 93 minus OTHER 30 of 50 leaves 22 of 43 for WOMEN and MEN together: neither is known.
        Figure left = new Figure(52 - 30, 93 - 50);
        assertEquals(new Figure(22, 43), left);
        assertTrue(!primary.hides(left.count(), left.base()), "what subtraction gives is safe to show");
    }

    @Test
    void moreAreHiddenWhileWhatTheyAddUpToIsStillSmall() {
        // 1 + 2 = 3 would tell that those two groups have 3 between them: the next smallest joins them.
        assertEquals(Set.of("A", "B", "C"), suppressOne(headcounts, headcountCells("A", 1, "B", 2, "C", 30, "D", 40)));
        // 3 of 20 and 1 of 22 hidden together still leave "4 said yes" for the pair; a third goes.
        Map<String, Figure> cells = new LinkedHashMap<>();
        cells.put("A", new Figure(3, 20));
        cells.put("B", new Figure(1, 22));
        cells.put("C", new Figure(12, 30));
        cells.put("D", new Figure(15, 35));
        assertEquals(Set.of("A", "B", "C"), suppressOne(figures, cells));
    }

    @Test
    void anEmptyGroupHidesNothing() {
        // Nobody in A was asked (an interview-only question): "A and B" is just B to anyone who knows that.
        Map<String, Figure> cells = new LinkedHashMap<>();
        cells.put("A", new Figure(0, 0));
        cells.put("B", new Figure(1, 6));
        cells.put("C", new Figure(20, 30));
        cells.put("D", new Figure(25, 40));
        assertEquals(Set.of("A", "B", "C"), suppressOne(figures, cells));

        // B (10 of 20) withheld elsewhere, beside the empty A: B would still be the total minus C and D.
        cells.put("B", new Figure(10, 20));
        Relation<String> all = Relation.ofShownTotal(List.of("A", "B", "C", "D"));
        assertEquals(Set.of("A", "B", "C"), figures.suppress(cells, Set.of("B"), List.of(all)));
        // Nor is an empty cell ever chosen as a complement, although the smallest: it would hide nothing.
        ComplementarySuppression zerosShown = new ComplementarySuppression(f -> f.count() > 0 && f.count() < T);
        assertEquals(Set.of("A", "B"), suppressOne(zerosShown, headcountCells("A", 2, "E", 0, "B", 30, "C", 40)));
    }

    @Test
    void nothingSmallNothingHiddenEverythingSmallEverythingHidden() {
        assertEquals(Set.of(), suppressOne(headcounts, headcountCells("A", 5, "B", 9, "C", 30)));
        assertEquals(Set.of("A", "B"), suppressOne(headcounts, headcountCells("A", 1, "B", 2)));
        assertEquals(Set.of("A", "B", "C"), suppressOne(figures, Map.of("A", new Figure(0, 4), "B", new Figure(0, 9),
                "C", new Figure(0, 12)))); // 0 of 25 overall: every group's figure is withheld, the total is public
    }

    @Test
    void aCellWithheldBeforeCountsAsHidden() {
        Map<String, Figure> cells = headcountCells("A", 8, "B", 9, "C", 30);
        Relation<String> all = Relation.ofShownTotal(List.of("A", "B", "C"));
        assertEquals(Set.of("A", "B"), headcounts.suppress(cells, Set.of("A"), List.of(all)));
    }

    /** Ethnicity of the Newham file, with minority ethnic (all but WHITE and PREFER_NOT_TO_SAY) shown as a total. */
    private static Map<String, Figure> ethnicity(int mixed, int other, int white, int notSaid) {
        return headcountCells("ASIAN", 27, "BLACK", 26, "MIXED", mixed, "OTHER", other, "WHITE", white,
                "PREFER_NOT_TO_SAY", notSaid, "=minority", 27 + 26 + mixed + other);
    }

    private static final List<Relation<String>> ETHNICITY = List.of(
            Relation.ofShownTotal(List.of("ASIAN", "BLACK", "MIXED", "OTHER", "WHITE", "PREFER_NOT_TO_SAY")),
            Relation.ofShownTotal(List.of("=minority", "WHITE", "PREFER_NOT_TO_SAY")),
            Relation.ofTotalCell(List.of("ASIAN", "BLACK", "MIXED", "OTHER"), "=minority"));

    @Test
    void aNamedTotalIsARelationToo() {
        Set<String> hidden = headcounts.suppress(ethnicity(7, 5, 29, 2), Set.of(), ETHNICITY);
        assertEquals(Set.of("PREFER_NOT_TO_SAY", "OTHER", "MIXED", "WHITE"), hidden);

        // With the respondents (96) alone, hiding PREFER_NOT_TO_SAY and OTHER would do; but minority ethnic (65)
        // minus ASIAN, BLACK and MIXED gives OTHER, and 96 - 65 - WHITE gives PREFER_NOT_TO_SAY.
        Set<String> flat = headcounts.suppress(ethnicity(7, 5, 29, 2), Set.of(), ETHNICITY.subList(0, 1));
        assertEquals(Set.of("PREFER_NOT_TO_SAY", "OTHER"), flat);
        assertEquals(5, 65 - 27 - 26 - 7);
        assertEquals(2, 96 - 65 - 29);

        // What a reader sees: 96 respondents, ASIAN 27, BLACK 26, minority 65. Every split consistent with that
        // and hidden the same way is possible, so no hidden value is known.
        Map<String, Set<Integer>> possible = new LinkedHashMap<>();
        for (int white = 1; white < 31; white++) {
            for (int mixed = 1; mixed < 12; mixed++) {
                Map<String, Figure> candidate = ethnicity(mixed, 12 - mixed, white, 31 - white);
                if (headcounts.suppress(candidate, Set.of(), ETHNICITY).equals(hidden)) {
                    for (String cell : hidden) {
                        possible.computeIfAbsent(cell, c -> new TreeSet<>()).add(candidate.get(cell).count());
                    }
                }
            }
        }
        assertEquals(hidden, possible.keySet());
        possible.forEach((cell, values) -> assertTrue(values.size() > 1, cell + " is pinned down: " + values));
    }

    @Test
    void aRelationWhoseTotalIsWithheldGivesNothingAway() {
        Map<String, Figure> cells = headcountCells("X", 2, "Y", 40, "=sub", 42);
        Relation<String> sub = Relation.ofTotalCell(List.of("X", "Y"), "=sub");
        assertEquals(Set.of("X", "Y"), headcounts.suppress(cells, Set.of(), List.of(sub)));
        assertEquals(Set.of("X", "=sub"), headcounts.suppress(cells, Set.of("=sub"), List.of(sub)));
    }
}
