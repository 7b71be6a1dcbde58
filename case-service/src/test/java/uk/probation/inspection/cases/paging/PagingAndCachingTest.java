package uk.probation.inspection.cases.paging;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.cases.support.Api;

/**
 * Keyset paging of the lists (Link rel="next", the array body unchanged) and conditional GET (ETag, 304), with the
 * access rules unchanged by either.
 */
@QuarkusTest
class PagingAndCachingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** Follows rel="next" from {@code first}; returns every page's items in order. */
    static List<List<String>> walk(Function<String, Response> get, String first, String idPath) {
        List<List<String>> pages = new ArrayList<>();
        String url = first;
        while (url != null) {
            Response page = get.apply(url);
            page.then().statusCode(200);
            pages.add(page.jsonPath().getList(idPath));
            String link = page.header("Link");
            if (link == null) {
                url = null;
            } else {
                Matcher next = NEXT.matcher(link);
                assertTrue(next.find(), link);
                url = next.group(1);
            }
            assertTrue(pages.size() < 100, "paging does not end");
        }
        return pages;
    }

    @Test
    void twoHundredFiftyInspectionsComeBackInPagesWithNoDuplicatesAndNothingMissing() {
        Set<String> opened = new LinkedHashSet<>();
        for (int i = 0; i < 250; i++) {
            opened.add(Api.openInspection("pat", "Paging PDU " + i, "Paging"));
        }
        Function<String, Response> asPat = url -> Api.lead("pat").get(url);

        List<List<String>> pages = walk(asPat, "/inspections?region=Paging&size=40", "id");
        assertEquals(7, pages.size());
        pages.subList(0, 6).forEach(p -> assertEquals(40, p.size()));
        List<String> all = pages.stream().flatMap(List::stream).toList();
        assertEquals(250, all.size(), "no duplicates");
        assertEquals(opened, new HashSet<>(all), "nothing missing");
        // Newest first: the last one opened leads
        assertEquals(new ArrayList<>(opened).get(249), all.get(0));

        // Inspections opened while a client walks the pages neither repeat nor hide the ones it is walking
        Response first = Api.lead("pat").get("/inspections?region=Paging&size=100");
        Matcher next = NEXT.matcher(first.header("Link"));
        assertTrue(next.find());
        String newer = Api.openInspection("pat", "Paging PDU late", "Paging");
        List<String> seen = new ArrayList<>(first.jsonPath().getList("id"));
        walk(asPat, next.group(1), "id").forEach(seen::addAll);
        assertEquals(250, seen.size());
        assertEquals(opened, new HashSet<>(seen));
        assertTrue(!seen.contains(newer));

        // The default page is 100, the body is the array it always was
        Api.lead("pat").get("/inspections?region=Paging").then().statusCode(200).body("$", hasSize(100))
                .header("Link", notNullValue());
        // Pages follow the access rules: another lead sees none of pat's, an admin an empty list
        Api.lead("quinn").get("/inspections?region=Paging&size=500").then().statusCode(200).body("$", hasSize(0))
                .header("Link", nullValue());
        Api.as("vera", "viewer", "Paging").get("/inspections?region=Paging").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void badPagingParametersAre400sNamingTheParameter() {
        for (String size : new String[] {"0", "-1", "501", "abc", "99999999999999999999", " "}) {
            Api.lead("lena").queryParam("size", size).get("/inspections").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("size"));
        }
        String id = Api.openInspection("lena", "Bad paging PDU", "London");
        Api.lead("lena").queryParam("size", "1001").get("/inspections/" + id + "/cases").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        String wrongFields = java.util.Base64.getUrlEncoder().encodeToString("only-one-field".getBytes());
        String badKey = java.util.Base64.getUrlEncoder().encodeToString("yesterday\u001fnot-a-uuid".getBytes());
        for (String cursor : new String[] {"%%%", "!", wrongFields, badKey, "x".repeat(2100)}) {
            Api.lead("lena").queryParam("cursor", cursor).get("/inspections").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        }
        // Beyond the HTTP layer's line limit a hostile cursor is refused before it reaches the list: 414, not a 500
        Api.lead("lena").queryParam("cursor", "x".repeat(5000)).get("/inspections").then().statusCode(414);
        Api.lead("lena").queryParam("cursor", "!").queryParam("size", "0").get("/inspections").then().statusCode(400)
                .body("errors.field", equalTo(List.of("size", "cursor")));
        Api.lead("lena").queryParam("cursor", "\u00e9").get("/inspections/" + id + "/cases").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void casesComeBackInPagesInCaseOrder() {
        String id = Api.openInspection("lena", "Cases paging PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 30));
        List<String> all = Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200)
                .header("Link", nullValue()).extract().jsonPath().getList("caseRef");
        assertEquals(30, all.size());
        List<List<String>> pages = walk(url -> Api.lead("lena").get(url), "/inspections/" + id + "/cases?size=7",
                "caseRef");
        assertEquals(List.of(7, 7, 7, 7, 2), pages.stream().map(List::size).toList());
        assertEquals(all, pages.stream().flatMap(List::stream).toList());
        // A team-only list stays team-only however it is paged
        Api.lead("quinn").get("/inspections/" + id + "/cases?size=7").then().statusCode(404);
    }

    @Test
    void anUnchangedResourceIs304AndAChangeGivesA200WithANewETag() {
        String id = Api.openInspection("lena", "ETag PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 2));
        String caseUrl = "/inspections/" + id + "/cases/NEW-001";
        String tag = Api.lead("lena").get(caseUrl).then().statusCode(200).header("ETag", notNullValue()).extract()
                .header("ETag");

        Api.lead("lena").header("If-None-Match", tag).get(caseUrl).then().statusCode(304).body(emptyString())
                .header("ETag", equalTo(tag));
        Api.lead("lena").header("If-None-Match", "W/" + tag + ", \"other\"").get(caseUrl).then().statusCode(304);
        Api.lead("lena").header("If-None-Match", "\"other\"").get(caseUrl).then().statusCode(200)
                .body("caseRef", equalTo("NEW-001"));

        Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES"))
                .put(caseUrl + "/answers/2.2.1").then().statusCode(200);
        Response changed = Api.lead("lena").header("If-None-Match", tag).get(caseUrl);
        changed.then().statusCode(200).body("answers[0].answer", equalTo("YES"));
        assertNotEquals(tag, changed.header("ETag"));
        Api.lead("lena").header("If-None-Match", changed.header("ETag")).get(caseUrl).then().statusCode(304);

        // Lists and the inspection itself are tagged the same way
        for (String url : List.of("/inspections/" + id, "/inspections/" + id + "/cases", "/inspections?region=London",
                "/frameworks/hmip-probation-pdu-2021")) {
            String listTag = Api.lead("lena").get(url).then().statusCode(200).extract().header("ETag");
            Api.lead("lena").header("If-None-Match", listTag).get(url).then().statusCode(304);
        }
    }

    @Test
    void a304NeverAnswersSomeoneWhoMayNotRead() {
        String id = Api.openInspection("lena", "ETag access PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        String url = "/inspections/" + id + "/cases/NEW-001";
        String tag = Api.lead("lena").get(url).then().statusCode(200).extract().header("ETag");
        Api.lead("quinn").header("If-None-Match", tag).get(url).then().statusCode(404).header("ETag", nullValue());
        Api.as("vera", "viewer", "London").header("If-None-Match", tag).get(url).then().statusCode(403);
        Api.as("vera", "viewer", "London").header("If-None-Match", "*").get("/inspections/" + id).then()
                .statusCode(404);
        io.restassured.RestAssured.given().header("If-None-Match", tag).get(url).then().statusCode(401);
        Api.lead("lena").header("If-None-Match", tag).get(url).then().statusCode(304);
        Api.lead("lena").get("/inspections/" + id).then().body("id", not(emptyString()));
    }
}
