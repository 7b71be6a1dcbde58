package uk.probation.inspection.cases.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * Posts a workspace form the way a browser does: loads the page the form is on first, and sends back the CSRF token
 * that page carried (hidden field and cookie) with the fields, as application/x-www-form-urlencoded.
 */
public final class Forms {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"(csrf[^\"]*)\" value=\"([^\"]*)\"");

    private Forms() {
    }

    public static Response post(String user, String role, String page, String action, Map<String, String> fields) {
        return post(user, role, page, action, fields, "text/html");
    }

    /** A form with repeated fields (rows): each value of a list is sent under the same name, in order. */
    public static Response postRows(String user, String role, String page, String action,
            Map<String, java.util.List<String>> fields) {
        String token = TestTokens.token(user, role);
        Response loaded = given().auth().oauth2(token).get(page);
        var request = given().auth().oauth2(token).cookies(loaded.getCookies()).redirects().follow(false)
                .accept("text/html").contentType(ContentType.URLENC.withCharset("UTF-8"));
        Matcher csrf = HIDDEN.matcher(loaded.asString());
        if (csrf.find()) {
            request.formParam(csrf.group(1), csrf.group(2));
        }
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        return request.post(action);
    }

    /** As the page's script posts it: the same form, asking for {@code accept} (application/json). */
    public static Response post(String user, String role, String page, String action, Map<String, String> fields,
            String accept) {
        String token = TestTokens.token(user, role);
        Response loaded = given().auth().oauth2(token).get(page);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher csrf = HIDDEN.matcher(loaded.asString());
        if (csrf.find()) {
            form.put(csrf.group(1), csrf.group(2));
        }
        form.putAll(fields);
        return given().auth().oauth2(token).cookies(loaded.getCookies()).redirects().follow(false).accept(accept)
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(form).post(action);
    }
}
