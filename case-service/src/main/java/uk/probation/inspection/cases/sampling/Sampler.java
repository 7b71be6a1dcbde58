package uk.probation.inspection.cases.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws an inspection's case sample from a long list (docs/sampling.md works an example by hand):
 * <ol>
 * <li>exclusions, each with its reason: flagged by the list, a case listed twice (the copy; every row of a
 * reference listed with different details, since which one is meant is unclear), a start outside the sample
 * window, no stratum;</li>
 * <li>the sample size allocated over the strata in proportion to their eligible cases ({@link Allocation}), and the
 * reserve ({@code buffer × size}, rounded half up) likewise over what is left;</li>
 * <li>within each stratum, in the framework's order, cases taken in {@link DrawOrder}; a case whose responsible
 * officer already has {@code maxPerOfficer} cases is passed over for the next case of the <b>same unit</b> whose
 * officer has room; when the unit has none left in the stratum, the case is taken anyway and reported.</li>
 * </ol>
 * The reserve is drawn after the whole sample, by the same walk, the cap counting sample and reserve together.
 */
public final class Sampler {

    public record Request(List<LongListCase> cases, int size, double buffer, long seed, LocalDate sampleFrom,
            LocalDate sampleTo) {
    }

    public record StratumReport(String id, String name, int longList, int sample, int reserve) {
    }

    public record Exclusion(String caseRef, String reason) {
    }

    /** A case taken though its officer already had the cap: nobody else in the unit had a case left to take. */
    public record OverCap(String caseRef, String officer, String unit, String stratum, String list) {
    }

    public record Draw(List<String> sample, List<String> reserve, List<StratumReport> strata,
            Map<String, Integer> officers, List<Exclusion> excluded, List<OverCap> overCap) {
    }

    /** The sample asked for more cases than are eligible. */
    public static final class NotEnoughCases extends RuntimeException {

        public final int eligible;

        NotEnoughCases(int eligible) {
            super("only " + eligible + " eligible cases");
            this.eligible = eligible;
        }
    }

    private Sampler() {
    }

    public static Draw draw(SamplingRules rules, Request request) {
        List<Exclusion> excluded = new ArrayList<>();
        Map<String, List<LongListCase>> byStratum = new HashMap<>();
        rules.strata().forEach(s -> byStratum.put(s.id(), new ArrayList<>()));
        Map<String, Set<LongListCase>> versions = new HashMap<>();
        request.cases().forEach(c -> versions.computeIfAbsent(c.caseRef(), r -> new HashSet<>()).add(c));
        Set<String> seen = new HashSet<>();
        for (LongListCase c : request.cases()) {
            String reason = versions.get(c.caseRef()).size() > 1
                    ? "listed more than once with different details"
                    : exclusion(rules, request, c, seen);
            if (reason != null) {
                excluded.add(new Exclusion(c.caseRef(), reason));
            } else {
                byStratum.get(rules.stratumOf(c.attributes()).id()).add(c);
            }
        }
        int eligible = byStratum.values().stream().mapToInt(List::size).sum();
        if (request.size() > eligible) {
            throw new NotEnoughCases(eligible);
        }
        int strata = rules.strata().size();
        int[] weights = new int[strata];
        List<List<LongListCase>> ordered = new ArrayList<>();
        for (int i = 0; i < strata; i++) {
            List<LongListCase> cases = new ArrayList<>(byStratum.get(rules.strata().get(i).id()));
            Map<String, String> keys = new HashMap<>();
            cases.forEach(c -> keys.put(c.caseRef(), DrawOrder.key(request.seed(), c.caseRef())));
            cases.sort(Comparator.comparing((LongListCase c) -> keys.get(c.caseRef())));
            ordered.add(cases);
            weights[i] = cases.size();
        }
        int[] sampleQuota = Allocation.proportional(weights, weights, request.size());
        int reserveSize = Math.min(eligible - request.size(),
                BigDecimal.valueOf(request.buffer()).multiply(BigDecimal.valueOf(request.size()))
                        .setScale(0, RoundingMode.HALF_UP).intValueExact());
        int[] room = new int[strata];
        for (int i = 0; i < strata; i++) {
            room[i] = weights[i] - sampleQuota[i];
        }
        int[] reserveQuota = Allocation.proportional(weights, room, reserveSize);

        Map<String, Integer> perOfficer = new HashMap<>();
        List<OverCap> overCap = new ArrayList<>();
        List<Set<LongListCase>> taken = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < strata; i++) {
            Set<LongListCase> chosen = new LinkedHashSet<>();
            walk(ordered.get(i), chosen, sampleQuota[i], rules.maxPerOfficer(), perOfficer, overCap,
                    rules.strata().get(i).id(), "sample");
            chosen.forEach(c -> sample.add(c.caseRef()));
            taken.add(chosen);
        }
        Map<String, Integer> officers = new TreeMap<>(perOfficer);
        List<String> reserve = new ArrayList<>();
        List<StratumReport> reports = new ArrayList<>();
        for (int i = 0; i < strata; i++) {
            Set<LongListCase> chosen = taken.get(i);
            int before = chosen.size();
            walk(ordered.get(i), chosen, before + reserveQuota[i], rules.maxPerOfficer(), perOfficer, overCap,
                    rules.strata().get(i).id(), "reserve");
            chosen.stream().skip(before).forEach(c -> reserve.add(c.caseRef()));
            SamplingRules.Stratum stratum = rules.strata().get(i);
            reports.add(new StratumReport(stratum.id(), stratum.name(), weights[i], sampleQuota[i], reserveQuota[i]));
        }
        return new Draw(sample, reserve, reports, officers, excluded, overCap);
    }

    private static String exclusion(SamplingRules rules, Request request, LongListCase c, Set<String> seen) {
        if (c.exclude() != null && !c.exclude().isBlank()) {
            seen.add(c.caseRef());
            return c.exclude().trim();
        }
        if (!seen.add(c.caseRef())) {
            return "duplicate: the same case is already in the list";
        }
        if (c.startDate() != null && request.sampleFrom() != null && c.startDate().isBefore(request.sampleFrom())
                || c.startDate() != null && request.sampleTo() != null && c.startDate().isAfter(request.sampleTo())) {
            return "started outside the sample window (" + request.sampleFrom() + " to " + request.sampleTo() + ")";
        }
        if (rules.stratumOf(c.attributes()) == null) {
            return "in no stratum";
        }
        return null;
    }

    /** Takes cases of one stratum, in draw order, until {@code chosen} holds {@code quota}. */
    private static void walk(List<LongListCase> order, Set<LongListCase> chosen, int quota, int cap,
            Map<String, Integer> perOfficer, List<OverCap> overCap, String stratum, String list) {
        for (int i = 0; i < order.size() && chosen.size() < quota; i++) {
            LongListCase next = order.get(i);
            if (chosen.contains(next)) {
                continue;
            }
            LongListCase take = next;
            if (perOfficer.getOrDefault(next.officer(), 0) >= cap) {
                take = null;
                for (int j = i + 1; j < order.size() && take == null; j++) {
                    LongListCase other = order.get(j);
                    if (!chosen.contains(other) && other.unit().equals(next.unit())
                            && perOfficer.getOrDefault(other.officer(), 0) < cap) {
                        take = other; // the surplus moves within the unit
                    }
                }
                if (take == null) {
                    take = next;
                    overCap.add(new OverCap(next.caseRef(), next.officer(), next.unit(), stratum, list));
                }
            }
            chosen.add(take); // a passed-over case stays out: its place went to its unit
            perOfficer.merge(take.officer(), 1, Integer::sum);
        }
        // Passed-over cases are all that is left when the stratum must give nearly everything: take them, reported.
        for (int i = 0; i < order.size() && chosen.size() < quota; i++) {
            LongListCase left = order.get(i);
            if (chosen.add(left)) {
                if (perOfficer.getOrDefault(left.officer(), 0) >= cap) {
                    overCap.add(new OverCap(left.caseRef(), left.officer(), left.unit(), stratum, list));
                }
                perOfficer.merge(left.officer(), 1, Integer::sum);
            }
        }
    }
}
