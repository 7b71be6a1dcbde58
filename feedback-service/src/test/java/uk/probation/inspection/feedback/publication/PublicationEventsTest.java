package uk.probation.inspection.feedback.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading inspection.published, inspection.reopened and the framework threshold: old shapes, new shapes, bad ones. */
class PublicationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CE_TIME = Instant.parse("2026-11-28T19:00:00.123Z");
    private static final Instant APPLIED = Instant.parse("2026-11-28T19:00:05Z");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void anOldPublishedEventIsVersionOneVisibleFromItsTime() throws Exception {
        JsonNode old = json("{'inspectionId':'i1','publishedBy':'lena'}");
        assertEquals(new PublicationEvents.Published(1, "lena", CE_TIME, false),
                PublicationEvents.published(old, CE_TIME, APPLIED));
        assertEquals(APPLIED, PublicationEvents.published(old, null, APPLIED).visibleFrom());
    }

    @Test
    void aNewPublishedEventCarriesVersionTimeAndSchedule() throws Exception {
        JsonNode data = json("{'inspectionId':'i1','publishedBy':'lena','publicationVersion':3,"
                + "'publishedAt':'2026-12-24T09:00:00+01:00','scheduled':true}");
        assertEquals(new PublicationEvents.Published(3, "lena", Instant.parse("2026-12-24T08:00:00Z"), true),
                PublicationEvents.published(data, CE_TIME, APPLIED));
        JsonNode noFlag = json("{'inspectionId':'i1','publishedBy':'lena','publicationVersion':2,"
                + "'publishedAt':'2026-12-24T08:00:00Z'}");
        assertEquals(false, PublicationEvents.published(noFlag, CE_TIME, APPLIED).scheduled());
    }

    @Test
    void aPublishedEventWithUnusableFieldsIsRefused() {
        for (String bad : new String[] {
                "{'publicationVersion':'2','publishedAt':'2026-12-24T08:00:00Z','scheduled':false}",
                "{'publicationVersion':0,'publishedAt':'2026-12-24T08:00:00Z','scheduled':false}",
                "{'publicationVersion':1.5,'publishedAt':'2026-12-24T08:00:00Z','scheduled':false}",
                "{'publicationVersion':2,'publishedAt':'tomorrow','scheduled':false}",
                "{'publicationVersion':2,'publishedAt':'2026-12-24T08:00:00','scheduled':false}",
                "{'publicationVersion':2,'publishedAt':1766563200,'scheduled':false}",
                "{'publicationVersion':2,'publishedAt':'2026-12-24T08:00:00Z','scheduled':'yes'}",
                "{'publicationVersion':2,'scheduled':false}",
                "{'publishedAt':'2026-12-24T08:00:00Z'}",
                "{'scheduled':true}" }) {
            assertThrows(IllegalArgumentException.class,
                    () -> PublicationEvents.published(json(bad), CE_TIME, APPLIED), bad);
        }
    }

    @Test
    void reopenedKeepsAVersionAndMayCancelALaterOne() throws Exception {
        assertEquals(new PublicationEvents.Reopened(1, null),
                PublicationEvents.reopened(json("{'reopenedBy':'lena','reason':'x','publicationVersion':1,'cancelledVersion':null}")));
        assertEquals(new PublicationEvents.Reopened(0, 1),
                PublicationEvents.reopened(json("{'publicationVersion':0,'cancelledVersion':1}")));
        assertEquals(new PublicationEvents.Reopened(2, null), PublicationEvents.reopened(json("{'publicationVersion':2}")));
        for (String bad : new String[] { "{'reason':'x'}", "{'publicationVersion':-1}", "{'publicationVersion':'1'}",
                "{'publicationVersion':2,'cancelledVersion':2}", "{'publicationVersion':2,'cancelledVersion':1}",
                "{'publicationVersion':0,'cancelledVersion':'1'}" }) {
            assertThrows(IllegalArgumentException.class, () -> PublicationEvents.reopened(json(bad)), bad);
        }
    }

    @Test
    void theThresholdComesFromTheFrameworkRulesWhenItSetsOne() throws Exception {
        assertNull(PublicationEvents.smallNumberThreshold(json("{'framework':{'id':'f','version':1}}")));
        assertNull(PublicationEvents.smallNumberThreshold(json("{'frameworkId':'f'}")));
        assertEquals(10, PublicationEvents.smallNumberThreshold(json("{'framework':{'rules':{'smallNumberThreshold':10}}}")));
        for (String bad : new String[] { "{'framework':{'rules':{'smallNumberThreshold':0}}}",
                "{'framework':{'rules':{'smallNumberThreshold':'5'}}}",
                "{'framework':{'rules':{'smallNumberThreshold':2.5}}}" }) {
            assertThrows(IllegalArgumentException.class, () -> PublicationEvents.smallNumberThreshold(json(bad)), bad);
        }
    }
}
