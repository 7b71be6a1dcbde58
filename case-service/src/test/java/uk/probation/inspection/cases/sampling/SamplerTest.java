package uk.probation.inspection.cases.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.sampling.Sampler.Draw;
import uk.probation.inspection.cases.sampling.Sampler.OverCap;
import uk.probation.inspection.cases.sampling.Sampler.Request;

/**
 * The sampler's promises over hundreds of seeded random long lists, with the probation framework's own sampling
 * rules: exact sizes, every stratum within one case of its proportional share, the officer cap (broken only when the
 * unit has nobody else left, and then reported), the same seed giving the same sample whatever the list order,
 * exclusions never drawn.
 */
class SamplerTest {

    static final LocalDate FROM = LocalDate.of(2022, 1, 24);
    static final LocalDate TO = LocalDate.of(2022, 2, 25);

    static SamplingRules probationRules() throws Exception {
        var framework = new ObjectMapper().readTree(Files.readString(
                Path.of("src/main/resources/frameworks/hmip-probation-pdu-2021.json")));
        SamplingRules.Parsed parsed = SamplingRules.parse(framework.path("sampling"));
        assertEquals(List.of(), parsed.problems());
        return parsed.rules();
    }

    @Test
    void theProbationFrameworkHasTheFiveStrataAndTheCapOfSix() throws Exception {
        SamplingRules rules = probationRules();
        assertEquals(List.of("male-community-low", "male-community-not-low", "male-post-custody-low",
                "male-post-custody-not-low", "female"), rules.strata().stream().map(SamplingRules.Stratum::id).toList());
        assertEquals(6, rules.maxPerOfficer());
        assertEquals("male-post-custody-not-low",
                rules.stratumOf(Map.of("gender", "MALE", "cohort", "RESETTLEMENT", "roshLevel", "VERY_HIGH")).id());
        assertEquals("female", rules.stratumOf(Map.of("gender", "FEMALE", "cohort", "RESETTLEMENT", "roshLevel", "LOW")).id());
        assertEquals(null, rules.stratumOf(Map.of("gender", "NOT_RECORDED", "cohort", "COMMUNITY", "roshLevel", "LOW")));
    }

    @Test
    void propertiesHoldForHundredsOfRandomLongLists() throws Exception {
        SamplingRules rules = probationRules();
        Random random = new Random(16);
        int overCapSeen = 0;
        int movedSeen = 0;
        int tooFewSeen = 0;
        for (int run = 0; run < 400; run++) {
            List<LongListCase> list = longList(random, 10 + random.nextInt(run % 4 == 0 ? 400 : 80));
            int size = 1 + random.nextInt(Math.max(1, run % 10 == 0 ? list.size() : list.size() * 2 / 3));
            double buffer = random.nextInt(31) / 100.0;
            long seed = random.nextLong();
            Request request = new Request(list, size, buffer, seed, FROM, TO);
            Map<String, LongListCase> eligible = eligible(rules, list);
            if (size > eligible.size()) {
                Sampler.NotEnoughCases e = assertThrows(Sampler.NotEnoughCases.class, () -> Sampler.draw(rules, request));
                assertEquals(eligible.size(), e.eligible);
                tooFewSeen++;
                continue;
            }
            Draw draw = Sampler.draw(rules, request);
            String what = "run " + run + " (" + list.size() + " listed, size " + size + ")";

            // sizes, and nothing twice
            assertEquals(size, draw.sample().size(), what);
            int reserve = Math.min(eligible.size() - size, (int) Math.floor(buffer * size + 0.5 + 1e-9));
            assertEquals(reserve, draw.reserve().size(), what + " reserve");
            Set<String> drawn = new HashSet<>(draw.sample());
            drawn.addAll(draw.reserve());
            assertEquals(size + reserve, drawn.size(), what + " no case twice");

            // exclusions never sampled, each listed with a reason; everything drawn is eligible
            Set<String> excluded = draw.excluded().stream().map(Sampler.Exclusion::caseRef).collect(Collectors.toSet());
            Map<String, Long> rows = list.stream().distinct()
                    .collect(Collectors.groupingBy(LongListCase::caseRef, Collectors.counting()));
            for (LongListCase c : list) {
                if (rows.get(c.caseRef()) > 1) {
                    assertTrue(draw.excluded().contains(new Sampler.Exclusion(c.caseRef(),
                            "listed more than once with different details")), what);
                } else if (c.exclude() != null) {
                    assertTrue(draw.excluded().contains(new Sampler.Exclusion(c.caseRef(), c.exclude())), what);
                }
            }
            assertTrue(eligible.keySet().containsAll(drawn), what + " only eligible cases drawn");
            assertEquals(list.size(), eligible.size() + draw.excluded().size(), what + " every case eligible or excluded");
            assertFalse(drawn.stream().anyMatch(ref -> excluded.contains(ref) && !eligible.containsKey(ref)), what);

            // every stratum within one case of its proportional share
            Map<String, Long> perStratum = draw.sample().stream()
                    .collect(Collectors.groupingBy(ref -> rules.stratumOf(eligible.get(ref).attributes()).id(), Collectors.counting()));
            for (Sampler.StratumReport stratum : draw.strata()) {
                long inList = eligible.values().stream()
                        .filter(c -> rules.stratumOf(c.attributes()).id().equals(stratum.id())).count();
                assertEquals(inList, stratum.longList(), what);
                double ideal = (double) size * inList / eligible.size();
                long taken = perStratum.getOrDefault(stratum.id(), 0L);
                assertEquals(taken, stratum.sample(), what);
                assertTrue(Math.abs(taken - ideal) <= 1 + 1e-9, what + " " + stratum.id() + ": " + taken + " vs " + ideal);
            }

            // the cap: officers over it are reported, and only when their unit had nobody else left in the stratum
            Map<String, Integer> officers = new HashMap<>();
            draw.sample().forEach(ref -> officers.merge(eligible.get(ref).officer(), 1, Integer::sum));
            assertEquals(officers, draw.officers(), what);
            Set<String> reported = draw.overCap().stream().filter(o -> o.list().equals("sample")).map(OverCap::officer)
                    .collect(Collectors.toSet());
            for (Map.Entry<String, Integer> officer : officers.entrySet()) {
                if (officer.getValue() > rules.maxPerOfficer()) {
                    assertTrue(reported.contains(officer.getKey()), what + " " + officer + " over the cap, unreported");
                    overCapSeen++;
                }
            }
            for (OverCap over : draw.overCap()) {
                if (!over.list().equals("sample")) {
                    continue;
                }
                for (LongListCase c : eligible.values()) {
                    if (!draw.sample().contains(c.caseRef()) && c.unit().equals(over.unit())
                            && rules.stratumOf(c.attributes()).id().equals(over.stratum())) {
                        assertTrue(officers.getOrDefault(c.officer(), 0) >= rules.maxPerOfficer(),
                                what + ": " + c.caseRef() + " of " + c.officer() + " could have been taken instead of " + over);
                    }
                }
            }
            // moved within the unit: some officer with more than the cap in a stratum's list but capped in the sample
            if (officers.values().stream().anyMatch(n -> n == rules.maxPerOfficer())) {
                movedSeen++;
            }

            // same seed, same sample, whatever the order of the list; another seed, another sample (almost always)
            List<LongListCase> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            assertEquals(draw, withoutOrder(Sampler.draw(rules, new Request(shuffled, size, buffer, seed, FROM, TO)), draw), what);
            assertEquals(draw, Sampler.draw(rules, request), what);
            if (size >= 10 && eligible.size() > 2 * size) {
                assertNotEquals(draw.sample(), Sampler.draw(rules, new Request(list, size, buffer, seed + 1, FROM, TO)).sample(), what);
            }
        }
        assertTrue(overCapSeen > 5, "the unit-cannot-absorb path was exercised " + overCapSeen + " times");
        assertTrue(movedSeen > 20, "officers at the cap in " + movedSeen + " runs");
        assertTrue(tooFewSeen > 0 && tooFewSeen < 100, "too few eligible cases in " + tooFewSeen + " runs");
    }

    /** The excluded list follows the long list's order, so only it may differ after a shuffle: compare as sets. */
    static Draw withoutOrder(Draw shuffled, Draw original) {
        assertEquals(new HashSet<>(original.excluded().stream().map(Sampler.Exclusion::caseRef).toList()),
                new HashSet<>(shuffled.excluded().stream().map(Sampler.Exclusion::caseRef).toList()));
        return new Draw(shuffled.sample(), shuffled.reserve(), shuffled.strata(), shuffled.officers(), original.excluded(),
                shuffled.overCap());
    }

    /**
     * The eligible cases, worked out independently of the sampler: first occurrence of a reference listed only with
     * the same details, not flagged, in the window, in a stratum.
     */
    static Map<String, LongListCase> eligible(SamplingRules rules, List<LongListCase> list) {
        Map<String, LongListCase> eligible = new HashMap<>();
        Map<String, Set<LongListCase>> versions = new HashMap<>();
        list.forEach(c -> versions.computeIfAbsent(c.caseRef(), r -> new HashSet<>()).add(c));
        Set<String> seen = new HashSet<>();
        for (LongListCase c : list) {
            boolean first = seen.add(c.caseRef());
            if (first && versions.get(c.caseRef()).size() == 1 && c.exclude() == null && !c.startDate().isBefore(FROM) && !c.startDate().isAfter(TO)
                    && rules.stratumOf(c.attributes()) != null) {
                eligible.put(c.caseRef(), c);
            }
        }
        return eligible;
    }

    /** A long list with skewed caseloads (a few officers hold many cases), some flagged, repeated or out of window. */
    static List<LongListCase> longList(Random random, int n) {
        int units = 1 + random.nextInt(4);
        List<LongListCase> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int unit = random.nextInt(units);
            int officer = (int) Math.floor(Math.pow(random.nextDouble(), 2) * (1 + random.nextInt(8)));
            if (i > 3 && random.nextInt(60) == 0) { // the same row again
                list.add(list.get(random.nextInt(list.size())));
                continue;
            }
            String ref = i > 3 && random.nextInt(50) == 0 ? list.get(random.nextInt(list.size())).caseRef() : "C-" + i;
            int g = random.nextInt(20);
            String gender = g < 17 ? "MALE" : g < 19 ? "FEMALE" : "NOT_RECORDED";
            String cohort = random.nextInt(10) < 7 ? "COMMUNITY" : "RESETTLEMENT";
            String rosh = List.of("LOW", "LOW", "MEDIUM", "HIGH", "VERY_HIGH").get(random.nextInt(5));
            LocalDate start = random.nextInt(30) == 0 ? TO.plusDays(3) : FROM.plusDays(random.nextInt(33));
            String exclude = random.nextInt(20) == 0 ? "sensitive case" : null;
            list.add(new LongListCase(ref, "U" + unit + "-PO" + officer, "U" + unit,
                    Map.of("gender", gender, "cohort", cohort, "roshLevel", rosh), start, exclude));
        }
        return list;
    }

    @Test
    void aUnitThatCannotAbsorbIsReportedAndAnotherUnitsCasesAreNotUsedForIt() throws Exception {
        SamplingRules rules = probationRules();
        List<LongListCase> list = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // unit A: one officer, 9 cases; unit B: 9 cases of three officers
            list.add(new LongListCase("A-" + i, "alice", "A", Map.of("gender", "MALE", "cohort", "COMMUNITY", "roshLevel", "LOW"), FROM, null));
            list.add(new LongListCase("B-" + i, "bob" + i % 3, "B", Map.of("gender", "MALE", "cohort", "COMMUNITY", "roshLevel", "LOW"), FROM, null));
        }
        Draw draw = Sampler.draw(rules, new Request(list, 16, 0, 5, FROM, TO));
        long alices = draw.sample().stream().filter(r -> r.startsWith("A-")).count();
        assertEquals(16, draw.sample().size());
        assertTrue(alices >= 7, "16 of 18 means alice gives at least 7: " + draw.sample());
        assertEquals(alices - 6, draw.overCap().size(), draw.overCap().toString());
        draw.overCap().forEach(o -> assertEquals("alice", o.officer()));
    }
}
