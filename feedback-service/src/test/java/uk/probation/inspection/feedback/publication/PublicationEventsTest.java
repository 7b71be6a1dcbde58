package uk.probation.inspection.feedback.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.UndecodableEventException;
import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;

/** Reading inspection.published, inspection.reopened and the framework threshold: old shapes, new shapes, bad ones. */
class PublicationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CE_TIME = Instant.parse("2026-11-28T19:00:00.123Z");
    private static final Instant APPLIED = Instant.parse("2026-11-28T19:00:05Z");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final UUID ID = UUID.fromString("9b2f6c1e-5d7a-4d7e-9a51-0f0e8d7d2c11");

    private static InspectionPublished published(Integer version, String at, Boolean scheduled) {
        return new InspectionPublished(ID, "lena", version, at == null ? null : OffsetDateTime.parse(at), scheduled);
    }

    @Test
    void anOldPublishedEventIsVersionOneVisibleFromItsTime() {
        InspectionPublished old = published(null, null, null);
        assertEquals(new PublicationEvents.Published(1, "lena", CE_TIME, false),
                PublicationEvents.published(old, CE_TIME, APPLIED));
        assertEquals(APPLIED, PublicationEvents.published(old, null, APPLIED).visibleFrom());
    }

    @Test
    void aNewPublishedEventCarriesVersionTimeAndSchedule() {
        assertEquals(new PublicationEvents.Published(3, "lena", Instant.parse("2026-12-24T08:00:00Z"), true),
                PublicationEvents.published(published(3, "2026-12-24T09:00:00+01:00", true), CE_TIME, APPLIED));
        assertEquals(false, PublicationEvents.published(published(2, "2026-12-24T08:00:00Z", null), CE_TIME, APPLIED)
                .scheduled());
    }

    @Test
    void aPublishedEventWithUnusableFieldsIsRefused() {
        for (InspectionPublished bad : List.of(published(0, "2026-12-24T08:00:00Z", false),
                published(2, null, false), published(null, "2026-12-24T08:00:00Z", null), published(null, null, true))) {
            assertThrows(IllegalArgumentException.class, () -> PublicationEvents.published(bad, CE_TIME, APPLIED),
                    bad.toString());
        }
        // What the event types cannot even hold (text for a number, no offset, a number for a time) never gets here.
        for (String bad : List.of("{'publicationVersion':'2'}", "{'publicationVersion':1.5}",
                "{'publishedAt':'2026-12-24T08:00:00'}", "{'publishedAt':1766563200}", "{'scheduled':'yes'}")) {
            String data = ("{'inspectionId':'" + ID + "','publishedBy':'lena'," + bad.substring(1)).replace('\'', '"');
            assertThrows(UndecodableEventException.class,
                    () -> EventCodec.decode(Topics.CASE_EVENTS, "inspection.published", data), data);
        }
    }

    @Test
    void reopenedKeepsAVersionAndMayCancelALaterOne() {
        assertEquals(new PublicationEvents.Reopened(1, null),
                PublicationEvents.reopened(new InspectionReopened(ID, "lena", "x", 1, null)));
        assertEquals(new PublicationEvents.Reopened(0, 1),
                PublicationEvents.reopened(new InspectionReopened(ID, "lena", "x", 0, 1)));
        for (InspectionReopened bad : List.of(new InspectionReopened(ID, "lena", "x", -1, null),
                new InspectionReopened(ID, "lena", "x", 2, 2), new InspectionReopened(ID, "lena", "x", 2, 1))) {
            assertThrows(IllegalArgumentException.class, () -> PublicationEvents.reopened(bad), bad.toString());
        }
    }

    @Test
    void theThresholdComesFromTheFrameworkRulesWhenItSetsOne() throws Exception {
        assertNull(PublicationEvents.smallNumberThreshold(json("{'framework':{'id':'f','version':1}}").path("framework")));
        assertNull(PublicationEvents.smallNumberThreshold(json("{'id':'f'}")));
        assertEquals(10, PublicationEvents.smallNumberThreshold(
                json("{'framework':{'rules':{'smallNumberThreshold':10}}}").path("framework")));
        for (String bad : new String[] { "{'framework':{'rules':{'smallNumberThreshold':0}}}",
                "{'framework':{'rules':{'smallNumberThreshold':'5'}}}",
                "{'framework':{'rules':{'smallNumberThreshold':2.5}}}" }) {
            assertThrows(IllegalArgumentException.class,
                    () -> PublicationEvents.smallNumberThreshold(json(bad).path("framework")), bad);
        }
    }
}
