package uk.probation.inspection.feedback.summary;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Complementary suppression. Withholding a small figure is not enough when the reader also sees the total and
 * the other figures it is made of: the total minus the shown figures gives it back. So in every such relation
 * holding a withheld figure, more figures are withheld, the smallest first, until subtraction can only give the
 * sum of at least two non-empty withheld figures, and that sum is itself safe to show.
 */
public final class ComplementarySuppression {

    /** A figure: {@code count} of {@code base} (yes of answered, selected of answered; a headcount is n of n). */
    public record Figure(int count, int base) {

        public static Figure headcount(int n) {
            return new Figure(n, n);
        }

        Figure plus(Figure other) {
            return new Figure(count + other.count, base + other.base);
        }
    }

    /**
     * Cells whose figures add up to a total the reader sees: always ({@code totalCell} null), or a cell of its
     * own that is shown only when not withheld (a named subtotal such as minority ethnic).
     */
    public record Relation<K>(List<K> cells, K totalCell) {

        public static <K> Relation<K> ofShownTotal(List<K> cells) {
            return new Relation<>(List.copyOf(cells), null);
        }

        public static <K> Relation<K> ofTotalCell(List<K> cells, K totalCell) {
            return new Relation<>(List.copyOf(cells), totalCell);
        }
    }

    private final Predicate<Figure> disclosive;

    /** {@code disclosive}: the primary rule, e.g. a count, complement or base under the threshold. */
    public ComplementarySuppression(Predicate<Figure> disclosive) {
        this.disclosive = disclosive;
    }

    /**
     * The cells to withhold: every disclosive one, every one in {@code withheld} already, and their complements
     * in each relation, until no relation gives one back (relations share cells, so it repeats until stable).
     */
    public <K> Set<K> suppress(Map<K, Figure> figures, Set<K> withheld, List<Relation<K>> relations) {
        Set<K> result = new LinkedHashSet<>(withheld);
        figures.forEach((cell, figure) -> {
            if (disclosive.test(figure)) {
                result.add(cell);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation<K> relation : relations) {
                if (relation.totalCell() == null || !result.contains(relation.totalCell())) {
                    changed |= protect(relation.cells(), figures, result);
                }
            }
        }
        return result;
    }

    private <K> boolean protect(List<K> cells, Map<K, Figure> figures, Set<K> withheld) {
        boolean added = false;
        while (recoverable(cells, figures, withheld)) {
            // Ties go to the earlier cell, so the same figures always give the same pattern.
            Optional<K> next = cells.stream().filter(c -> !withheld.contains(c) && figures.get(c).base() > 0)
                    .min(Comparator.comparingInt((K c) -> figures.get(c).base())
                            .thenComparingInt(c -> figures.get(c).count()));
            if (next.isEmpty()) {
                return added; // everything is withheld: subtraction gives the total, which is shown anyway
            }
            withheld.add(next.get());
            added = true;
        }
        return added;
    }

    /**
     * Subtraction gives the sum of the withheld cells: one non-empty cell is then recovered outright, and a sum
     * the primary rule would withhold discloses the group those cells form. Empty cells (nothing answered) hide
     * nothing: a reader may know they are empty, such as a survey-only group on an interview-only question.
     */
    private <K> boolean recoverable(List<K> cells, Map<K, Figure> figures, Set<K> withheld) {
        List<Figure> hidden = cells.stream().filter(withheld::contains).map(figures::get).filter(f -> f.base() > 0)
                .toList();
        if (hidden.isEmpty()) {
            return false;
        }
        Figure sum = hidden.stream().reduce(new Figure(0, 0), Figure::plus);
        return hidden.size() < 2 || disclosive.test(sum);
    }
}
