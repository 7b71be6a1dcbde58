package uk.probation.inspection.rating.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    static Map<String, Integer> groups(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void nothingIsWithheldWhenEveryGroupIsLargeEnough() {
        assertEquals(Set.of(), SmallNumbers.withheld(groups("A", 5, "B", 20), 25, 5));
    }

    @Test
    void aSmallGroupTakesTheNextSmallestWithIt() {
        assertEquals(Set.of("A", "B"), SmallNumbers.withheld(groups("A", 1, "B", 7, "C", 30), 38, 5));
    }

    @Test
    void withheldGroupsTogetherMayNotBeSmallEither() {
        // 1 + 2 = 3 could still single people out: the next smallest goes too.
        assertEquals(Set.of("A", "B", "C"), SmallNumbers.withheld(groups("A", 1, "B", 2, "C", 9, "D", 30), 42, 5));
    }

    @Test
    void twoGroupsOneSmallHidesBoth() {
        assertEquals(Set.of("F", "M"), SmallNumbers.withheld(groups("F", 3, "M", 30), 33, 5));
    }

    @Test
    void casesInNoShownGroupCountAsAHiddenGroup() {
        // Young adults 30 of 33: the 3 others are hidden but the overall minus 30 would reveal them.
        assertEquals(Set.of("YOUNG_ADULT"), SmallNumbers.withheld(groups("YOUNG_ADULT", 30), 33, 5));
        // 10 of 33: the 23 others are hidden and large; nothing needs withholding.
        assertEquals(Set.of(), SmallNumbers.withheld(groups("YOUNG_ADULT", 10), 33, 5));
        // a small group and a large rest: the rest already hides it with enough people
        assertEquals(Set.of("YOUNG_ADULT"), SmallNumbers.withheld(groups("YOUNG_ADULT", 2), 33, 5));
    }

    /** For random breakdowns: no small group is shown, and no small group can be recovered by subtraction. */
    @Test
    void noSmallFigureIsShownOrRecoverable() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            int groups = 1 + random.nextInt(6);
            for (int g = 0; g < groups; g++) {
                counts.put("G" + g, random.nextInt(random.nextBoolean() ? 6 : 40));
            }
            int rest = random.nextBoolean() ? 0 : random.nextInt(8);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum() + rest;
            int threshold = 3 + random.nextInt(5);
            Set<String> withheld = SmallNumbers.withheld(counts, total, threshold);
            int shown = 0;
            for (Map.Entry<String, Integer> group : counts.entrySet()) {
                if (!withheld.contains(group.getKey())) {
                    assertTrue(group.getValue() >= threshold, "small group shown: " + counts + " " + withheld);
                    shown += group.getValue();
                }
            }
            int hidden = total - shown; // what subtraction reveals: everything hidden, together
            boolean anySmallHidden = rest > 0 && rest < threshold
                    || withheld.stream().anyMatch(g -> counts.get(g) < threshold);
            if (anySmallHidden && shown > 0) {
                assertTrue(hidden >= threshold, "recoverable: " + counts + " rest " + rest + " " + withheld);
                long hiddenGroups = withheld.size() + (rest > 0 ? 1 : 0);
                assertTrue(hiddenGroups >= 2, "a lone hidden group: " + counts + " rest " + rest + " " + withheld);
            }
        }
    }
}
