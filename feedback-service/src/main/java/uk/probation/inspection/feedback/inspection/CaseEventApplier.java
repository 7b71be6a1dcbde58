package uk.probation.inspection.feedback.inspection;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.feedback.publication.PublicationEvents;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.platform.inbox.ProcessedEvents;

/** Applies the case-events this service needs, once each (de-duplicated on ce_id in the same transaction). */
@ApplicationScoped
public class CaseEventApplier {

    static final java.util.Set<String> HANDLED = java.util.Set.of(
            "inspection.opened", "inspection.published", "inspection.reopened", "team.member.added",
            "team.member.removed");

    @Inject
    ProcessedEvents processed;

    @Inject
    KnownInspections inspections;

    @Inject
    Publications publications;

    @Inject
    ObjectMapper json;

    public static boolean handles(String type) {
        return HANDLED.contains(type);
    }

    /** @throws IllegalArgumentException when the event's data is unusable (it will never be) */
    @Transactional
    public boolean apply(IncomingEvent event) {
        JsonNode data = parse(event);
        String inspectionId = text(data, "inspectionId", event.key());
        if (inspectionId == null) {
            throw new IllegalArgumentException("no inspectionId in " + event.type() + " " + event.id());
        }
        if (!processed.firstDelivery(event.id())) {
            return false;
        }
        switch (event.type()) {
            case "inspection.opened" -> inspections.opened(inspectionId, text(data, "name", null),
                    required(data, "region", event), text(data, "pdu", null), field(event, () ->
                            PublicationEvents.smallNumberThreshold(data)));
            case "inspection.published" -> {
                PublicationEvents.Published published = field(event, () -> PublicationEvents.published(data,
                        event.time() == null ? null : event.time().toInstant(), Instant.now()));
                inspections.frozen(inspectionId, true); // first: the row lock orders this against ingests
                publications.published(inspectionId, published);
            }
            case "inspection.reopened" -> {
                PublicationEvents.Reopened reopened = field(event, () -> PublicationEvents.reopened(data));
                inspections.frozen(inspectionId, false);
                publications.reopened(inspectionId, reopened);
            }
            case "team.member.added" -> inspections.memberAdded(inspectionId, required(data, "username", event),
                    text(data, "role", "INSPECTOR"));
            case "team.member.removed" -> inspections.memberRemoved(inspectionId, required(data, "username", event));
            default -> throw new IllegalArgumentException("not handled: " + event.type());
        }
        return true;
    }

    private JsonNode parse(IncomingEvent event) {
        try {
            JsonNode data = event.data() == null ? null : json.readTree(event.data());
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("data of " + event.type() + " " + event.id() + " is not an object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data of " + event.type() + " " + event.id() + " is not JSON", e);
        }
    }

    /** Names the event in the message of a field that cannot be used. */
    private static <T> T field(IncomingEvent event, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + event.type() + " " + event.id(), e);
        }
    }

    private static String required(JsonNode data, String field, IncomingEvent event) {
        String value = text(data, field, null);
        if (value == null) {
            throw new IllegalArgumentException("no " + field + " in " + event.type() + " " + event.id());
        }
        return value;
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? fallback : node.asText();
    }
}
