package uk.probation.inspection.rating.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What the report needs of the framework beyond the rules: its domains, in order, with each standard's headline. */
public record ReportFramework(List<Domain> domains) {

    public record Domain(String id, String name, List<Standard> standards) {
    }

    public record Standard(String id, String name, String basis, String headline) {
    }

    /** From the framework JSON inspection.opened carried (the same as case-service's GET /frameworks/{id}). */
    public static ReportFramework fromJson(JsonNode framework) {
        List<Domain> domains = new ArrayList<>();
        for (JsonNode d : framework.path("domains")) {
            List<Standard> standards = new ArrayList<>();
            for (JsonNode s : d.path("standards")) {
                standards.add(new Standard(s.path("id").asText(), s.path("name").asText(), s.path("basis").asText(),
                        s.path("headline").asText("")));
            }
            domains.add(new Domain(d.path("id").asText(), d.path("name").asText(), standards));
        }
        return new ReportFramework(domains);
    }
}
