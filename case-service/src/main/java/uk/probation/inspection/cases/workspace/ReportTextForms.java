package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import uk.probation.inspection.cases.narrative.NarrativeRules;

/**
 * The report-text forms' fields as the narrative API's bodies: repeated rows (cohort sections, recommendations) with
 * wholly blank rows left out, so clearing a row removes it and the blank row the page adds is a new one when filled.
 * A refused form is shown again with the kept rows in list order, so the API's item i is the page's row i + 1.
 */
final class ReportTextForms {

    private ReportTextForms() {
    }

    static List<NarrativeRules.Section> sections(List<String> titles, List<String> texts) {
        List<NarrativeRules.Section> items = new ArrayList<>();
        int n = Math.max(size(titles), size(texts));
        for (int i = 0; i < n; i++) {
            String title = at(titles, i);
            String text = at(texts, i);
            if (title.isBlank() && text.isBlank()) {
                continue;
            }
            items.add(new NarrativeRules.Section(title.strip(), JudgementWrite.paragraphs(text)));
        }
        return items;
    }

    /**
     * The recommendations typed, with the button pressed applied: {@code remove-N}, {@code up-N}, {@code down-N}
     * (N the form row, from 1) or anything else (save as typed). Numbering is the order of the list.
     */
    static List<NarrativeRules.Recommendation> recommendations(List<String> addressees, List<String> texts,
            String action) {
        List<NarrativeRules.Recommendation> typed = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int n = Math.max(size(addressees), size(texts));
        for (int i = 0; i < n; i++) {
            String addressee = at(addressees, i);
            String text = at(texts, i);
            if (addressee.isBlank() && text.isBlank()) {
                continue;
            }
            typed.add(new NarrativeRules.Recommendation(addressee.strip(), text.strip()));
            rows.add(i + 1);
        }
        int index = actionRow(action) == null ? -1 : rows.indexOf(actionRow(action));
        if (index >= 0) {
            if (action.startsWith("remove-")) {
                typed.remove(index);
                rows.remove(index);
            } else if (action.startsWith("up-") && index > 0) {
                Collections.swap(typed, index, index - 1);
            } else if (action.startsWith("down-") && index < typed.size() - 1) {
                Collections.swap(typed, index, index + 1);
            }
        }
        return typed;
    }

    /** A count typed into a form: blank is "not given" (null); anything but a whole number is refused by the API's rule. */
    static Integer count(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        // Out of the API's range on purpose, so its own rule ("a whole number from 0 to ...") refuses it.
        return t.matches("[0-9]{1,9}") ? Integer.valueOf(t) : -1;
    }

    private static Integer actionRow(String action) {
        if (action == null || !action.matches("(remove|up|down)-[0-9]{1,3}")) {
            return null;
        }
        return Integer.valueOf(action.substring(action.indexOf('-') + 1));
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }
}
