package uk.probation.inspection.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.feedback.template.SurveyTemplate;

/** The built-in template as the service ships it, for plain unit tests. */
public final class Templates {

    private Templates() {
    }

    public static SurveyTemplate userVoice() {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/user-voice-2022.json")) {
            return new ObjectMapper().readValue(in, SurveyTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
