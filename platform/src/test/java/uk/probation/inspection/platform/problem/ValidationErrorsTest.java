package uk.probation.inspection.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.problem.Problem.FieldError;

class ValidationErrorsTest {

    record Item(String a) {
    }

    @Test
    void listsTheFirstHundredAndCountsTheRest() {
        ValidationErrors errors = new ValidationErrors();
        for (int i = 0; i < 250; i++) {
            errors.add(FieldError.field("[" + i + "].a", "bad"));
        }
        assertTrue(errors.full());
        Problem problem = errors.invalid("Nothing was stored").toProblem();
        assertEquals(422, problem.status());
        assertEquals(ValidationErrors.MAX_LISTED, problem.errors().size());
        assertEquals("[99].a", problem.errors().get(99).field());
        assertEquals(250, problem.errorCount());
        assertEquals(true, problem.truncated());
        assertEquals("Nothing was stored: at least 250 problems; the first 100 are listed (checking stopped there)",
                problem.detail());
    }

    @Test
    void aShortListIsCompleteAndKeepsItsOldDetail() {
        ValidationErrors errors = new ValidationErrors();
        errors.add(FieldError.field("a", "bad"));
        assertFalse(errors.full());
        Problem problem = errors.invalid("No case was registered").toProblem();
        assertEquals("No case was registered: 1 problem(s)", problem.detail());
        assertEquals(1, problem.errorCount());
        assertEquals(false, problem.truncated());
    }

    @Test
    void everyProblemThatListsErrorsCountsThem() {
        Problem problem = ProblemException.invalid("Bad answer", List.of(Problem.FieldError.field("answer", "must be YES"),
                Problem.FieldError.field("note", "too long"))).toProblem();
        assertEquals(2, problem.errorCount());
        assertEquals(false, problem.truncated());
        Problem plain = ProblemException.conflict("The inspection is published").toProblem();
        assertEquals(null, plain.errorCount(), "no list, no count");
        assertEquals(null, plain.truncated());
    }

    @Test
    void itemLimitRefusesTheItemAfterTheLast() {
        Iterator<Integer> items = ItemLimit.of(List.of(1, 2, 3).iterator(), 2, "answers");
        assertEquals(1, items.next());
        assertEquals(2, items.next());
        ProblemException e = assertThrows(ProblemException.class, items::next);
        assertEquals(413, e.status());
        assertEquals("More than 2 answers in one request; the limit is 2. Send them in several requests.", e.getMessage());
        assertTrue(ItemLimit.of(List.of(1).iterator(), 1, "x").hasNext());
    }

    @Test
    void jsonArrayItemsAreReadOneByOneNamingTheItemOnError() {
        ObjectMapper json = StrictJson.configure(new ObjectMapper());
        JsonArrayItems<Item> items = JsonArrayItems.of(json, "\uFEFF[{\"a\":\"x\"}, null, {\"a\":5}]", Item.class);
        assertEquals(new Item("x"), items.next());
        assertNull(items.next());
        ProblemException e = assertThrows(ProblemException.class, items::next);
        assertEquals(400, e.status());
        assertEquals("Invalid value '5' for [2].a; expected a string", e.getMessage());

        JsonArrayItems<Item> trailing = JsonArrayItems.of(json, "[{\"a\":\"x\"}]]", Item.class);
        trailing.next();
        assertEquals(400, assertThrows(ProblemException.class, trailing::hasNext).status());
        assertFalse(JsonArrayItems.of(json, "[ ]", Item.class).hasNext());
        assertEquals(400, assertThrows(ProblemException.class, () -> JsonArrayItems.of(json, "{}", Item.class)).status());
    }
}
