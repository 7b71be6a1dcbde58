package uk.probation.inspection.rating.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.rating.projection.Jdbc;

/**
 * The report text of each inspection, the latest version of each part as its event carried it. Applied in the
 * caller's transaction under the inspection's lock; an older version than the stored one changes nothing.
 */
@ApplicationScoped
public class ReportTexts {

    static final String RECOMMENDATIONS = "recommendations";
    static final String BACKGROUND = "background";
    static final String AGREEMENT = "agreement";

    @Inject
    Jdbc jdbc;

    public static String standardPart(String standardId) {
        return "standard:" + standardId;
    }

    public void narrative(NarrativeRecorded e) {
        store(e.inspectionId(), standardPart(e.standardId()), e.version(), e);
    }

    public void recommendations(RecommendationsRecorded e) {
        store(e.inspectionId(), RECOMMENDATIONS, e.version(), e);
    }

    public void background(BackgroundRecorded e) {
        store(e.inspectionId(), BACKGROUND, e.version(), e);
    }

    /** The second reading's agreement as case-service last summarised it. */
    public void agreement(SecondReadingAgreementSummarised e) {
        store(e.inspectionId(), AGREEMENT, e.version(), e);
    }

    private void store(UUID inspectionId, String part, int version, CaseEvent event) {
        jdbc.update("""
                insert into report_text (inspection_id, part, version, body) values (?, ?, ?, ?)
                on conflict (inspection_id, part) do update set version = excluded.version, body = excluded.body
                where report_text.version < excluded.version""",
                inspectionId, part, version, EventCodec.encode(event));
    }

    /** Everything the report needs of the inspection's text and dates, as it stands now. */
    public ReportContent current(UUID inspectionId) {
        Map<String, NarrativeRecorded> narratives = new LinkedHashMap<>();
        RecommendationsRecorded[] recommendations = { null };
        BackgroundRecorded[] background = { null };
        SecondReadingAgreementSummarised[] agreement = { null };
        jdbc.list("select part, body from report_text where inspection_id = ? order by part",
                row -> new String[] { row.getString(1), row.getString(2) }, inspectionId).forEach(row -> {
                    if (row[0].equals(RECOMMENDATIONS)) {
                        recommendations[0] = decode(row[1], RecommendationsRecorded.class);
                    } else if (row[0].equals(BACKGROUND)) {
                        background[0] = decode(row[1], BackgroundRecorded.class);
                    } else if (row[0].equals(AGREEMENT)) {
                        agreement[0] = decode(row[1], SecondReadingAgreementSummarised.class);
                    } else {
                        NarrativeRecorded n = decode(row[1], NarrativeRecorded.class);
                        narratives.put(n.standardId(), n);
                    }
                });
        Optional<String[]> dates = jdbc.one("select fieldwork_start, sample_from, sample_to from inspection where id = ?",
                row -> new String[] { row.getString(1), row.getString(2), row.getString(3) }, inspectionId);
        String[] d = dates.orElse(new String[3]);
        return new ReportContent(narratives, recommendations[0], background[0], d[0], d[1], d[2], agreement[0]);
    }

    private static <T> T decode(String body, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report text is unreadable", e);
        }
    }
}
