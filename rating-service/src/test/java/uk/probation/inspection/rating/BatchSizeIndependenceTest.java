package uk.probation.inspection.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.rating.projection.ApplyContext;
import uk.probation.inspection.rating.projection.EventApplier;
import uk.probation.inspection.rating.projection.Jdbc;

/**
 * Batches are applied in memory and written set-wise; the outcome must not depend on where batch boundaries fall.
 * The same stream (Newham, then changes, stale versions, late case registrations, duplicates and malformed
 * events) is applied to three inspections one event per transaction, all in one, and in batches of 97; every
 * projection row, the key-question history and the rating.changed announcements must be identical.
 */
@QuarkusTest
class BatchSizeIndependenceTest {

    @Inject
    EventApplier applier;

    @Inject
    Jdbc jdbc;

    @Test
    void oneByOneWholeAndSlicedBatchesGiveTheSameProjection() throws Exception {
        UUID template = UUID.randomUUID();
        List<ProducerRecord<String, String>> stream = stream(template);

        UUID single = UUID.randomUUID();
        UUID whole = UUID.randomUUID();
        UUID sliced = UUID.randomUUID();
        int[] singleCounts = apply(events(stream, template, single), 1);
        int[] wholeCounts = apply(events(stream, template, whole), Integer.MAX_VALUE);
        int[] slicedCounts = apply(events(stream, template, sliced), 97);

        assertEquals(List.of(singleCounts[0], singleCounts[1], singleCounts[2]),
                List.of(wholeCounts[0], wholeCounts[1], wholeCounts[2]));
        assertEquals(List.of(singleCounts[0], singleCounts[1], singleCounts[2]),
                List.of(slicedCounts[0], slicedCounts[1], slicedCounts[2]));
        assertTrue(singleCounts[1] >= 3, "duplicates recognised: " + singleCounts[1]);
        assertEquals(2, singleCounts[2], "malformed events skipped");

        Map<String, List<String>> expected = dump(single);
        assertTrue(expected.get("key_question_history").size() > 20, "history was written");
        assertTrue(expected.get("rating.changed").size() > 5, "moves were announced");
        assertTrue(expected.get("answer").stream().anyMatch(a -> a.contains("X-9")), "late-registered case counted");
        assertEquals(expected, dump(whole));
        assertEquals(expected, dump(sliced));
    }

    /** Applies the events in batches of {@code size}; returns {applied, duplicates, malformed}. */
    private int[] apply(List<IncomingEvent> events, int size) {
        int[] counts = new int[3];
        for (int from = 0; from < events.size(); from += size) {
            List<IncomingEvent> batch = events.subList(from, (int) Math.min(events.size(), (long) from + size));
            EventApplier.Outcome outcome = QuarkusTransaction.requiringNew()
                    .call(() -> applier.apply(batch, true, new ApplyContext()));
            counts[0] += outcome.applied().size();
            counts[1] += outcome.duplicates();
            counts[2] += outcome.deadLetters().size();
        }
        return counts;
    }

    private static List<ProducerRecord<String, String>> stream(UUID id) throws Exception {
        CaseEventStream stream = CaseEventStream.newham(id, "lena");
        // Answers to a case registered only later, then registered again under other attributes.
        stream.answer("X-9", "2.2.1", "YES", null, 1).answer("X-9", "2.2.2", "NO", null, 1)
                .answer("X-9", "2.3.1", "NOT_APPLICABLE", null, 1);
        stream.caseRegistered("X-9", "COMMUNITY", true, "FEMALE", "White", "LOW");
        stream.answer("X-9", "2.2.3", "YES", null, 1);
        stream.caseRegistered("X-9", "RESETTLEMENT", false, "MALE", "Mixed", "HIGH");
        // Changes, a stale version after a newer one, a change back, and a change of a judgement.
        List<CsvRow> answers = answers();
        for (int i = 0; i < answers.size(); i += 7) {
            CsvRow row = answers.get(i);
            String other = row.answer().equals("YES") ? "NO" : "YES";
            stream.answer(row.caseRef(), row.questionId(), other, row.answer(), 3);
            stream.answer(row.caseRef(), row.questionId(), row.answer(), other, 2); // stale: 3 is newer
            if (i % 21 == 0) {
                stream.answer(row.caseRef(), row.questionId(), row.answer(), other, 4);
            }
        }
        // A publication in the middle of a batch freezes exactly what came before it, whatever follows.
        stream.published("lena", 1, java.time.Instant.parse("2026-01-01T00:00:00Z")).reopened("lena", 1, null);
        stream.judgement("1.1", "INADEQUATE", null, 2).judgement("1.1", "GOOD", null, 1);
        stream.published("lena", 2, java.time.Instant.parse("2026-02-01T00:00:00Z"));
        // Malformed: an unknown answer, and a judgement of a standard rated from answers.
        stream.answer("X-9", "2.2.1", "MAYBE", null, 9).judgement("2.2", "GOOD", null, 9);
        List<ProducerRecord<String, String>> records = new ArrayList<>(stream.records);
        records.add(records.get(40)); // duplicates: a redelivered case, answer and change
        records.add(records.get(500));
        records.add(records.get(records.size() - 10));
        return records;
    }

    private record CsvRow(String caseRef, String questionId, String answer) {
    }

    private static List<CsvRow> answers() throws Exception {
        return CaseEventStream.csv("answers.csv").rows().stream()
                .map(r -> new CsvRow(r.get("case_ref"), r.get("question_id"), r.get("answer"))).toList();
    }

    /** The stream as received for another inspection: same times and order, ids of that inspection. */
    private static List<IncomingEvent> events(List<ProducerRecord<String, String>> records, UUID from, UUID to) {
        Map<String, String> eventIds = new LinkedHashMap<>();
        List<IncomingEvent> events = new ArrayList<>();
        long offset = 0;
        for (ProducerRecord<String, String> record : records) {
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                String value = new String(header.value(), StandardCharsets.UTF_8).replace(from.toString(), to.toString());
                if (header.key().equals("ce_id")) {
                    value = eventIds.computeIfAbsent(value, v -> UUID.randomUUID().toString()); // duplicates stay so
                }
                headers.add(header.key(), value.getBytes(StandardCharsets.UTF_8));
            }
            events.add(IncomingEvent.of(new ConsumerRecord<>("case-events", 0, offset++, 0L, TimestampType.CREATE_TIME,
                    0, 0, to.toString(), record.value().replace(from.toString(), to.toString()), headers,
                    Optional.empty())));
        }
        return events;
    }

    /** Every projection row and announcement of one inspection, without its id or generated keys. */
    private Map<String, List<String>> dump(UUID id) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("inspection", rows("""
                select name, region, pdu, framework_id, status, scheduled_for, overall_rating, overall_score, overall_max
                from inspection where id = ?""", id));
        tables.put("team_member", rows("select username, role from team_member where inspection_id = ? order by 1", id));
        tables.put("case_file", rows("""
                select case_ref, cohort, young_adult, gender, ethnicity, rosh_level from case_file
                where inspection_id = ? order by 1""", id));
        tables.put("answer", rows("""
                select case_ref, question_id, answer, version from answer where inspection_id = ? order by 1, 2""", id));
        tables.put("question_count", rows("""
                select dimension, value, question_id, yes, no, not_applicable from question_count
                where inspection_id = ? order by 1, 2, 3""", id));
        tables.put("standard_rating", rows("""
                select standard_id, rating, lowest_key_question from standard_rating where inspection_id = ?
                order by 1""", id));
        tables.put("judgement", rows("select standard_id, rating, version from judgement where inspection_id = ? order by 1", id));
        tables.put("key_question_history", rows("""
                select question_id, at, yes, no, percentage from key_question_history where inspection_id = ?
                order by seq""", id));
        tables.put("publication", jdbc.list("""
                select version, visible_from, published_by, snapshot from publication where inspection_id = ?
                order by version""", row -> row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                + row.getString(4).replace(id.toString(), "ID"), id));
        tables.put("rating.changed", jdbc.list("""
                select payload from outbox_event where message_key = ? and type = 'rating.changed' order by id""",
                row -> row.getString(1).replace(id.toString(), "ID"), id.toString()));
        return tables;
    }

    private List<String> rows(String sql, UUID id) {
        return jdbc.list(sql, row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                line.append(i > 1 ? "|" : "").append(row.getString(i));
            }
            return line.toString();
        }, id);
    }
}
