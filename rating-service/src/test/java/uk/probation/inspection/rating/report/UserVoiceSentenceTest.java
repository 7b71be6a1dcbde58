package uk.probation.inspection.rating.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserVoiceSentenceTest {

    static final String PLAIN = "62 out of 93 answered yes: Are you happy?";

    @Test
    void aPhraseAloneIsReadAfterTheFigures() {
        assertEquals("62 out of 93 were happy with the overall support they received",
                UserVoiceSentence.of(" were happy with the overall support they received ", 62, 93, PLAIN));
    }

    @Test
    void aPhraseWithPlaceholdersPlacesTheFiguresItself() {
        assertEquals("32 of the 61 who needed support said they had been helped",
                UserVoiceSentence.of("{n} of the {m} who needed support said they had been helped", 32, 61, PLAIN));
        assertEquals("three in five said their relationship with their practitioner worked well",
                UserVoiceSentence.of("{inFive} said their relationship with their practitioner worked well", 57, 95, PLAIN));
    }

    @Test
    void withoutAPhraseThePlainLine() {
        assertEquals(PLAIN, UserVoiceSentence.of(null, 62, 93, PLAIN));
        assertEquals(PLAIN, UserVoiceSentence.of("  ", 62, 93, PLAIN));
    }

    @Test
    void fifthsRoundHalfUpAndOnlyNobodyIsNoneAndOnlyEverybodyIsAll() {
        assertEquals(List.of("none", "one in five", "one in five", "two in five", "three in five", "four in five",
                "four in five", "all"),
                List.of(UserVoiceSentence.inFive(0, 95), UserVoiceSentence.inFive(1, 95), UserVoiceSentence.inFive(29, 100),
                        UserVoiceSentence.inFive(30, 100), UserVoiceSentence.inFive(50, 100),
                        UserVoiceSentence.inFive(70, 100), UserVoiceSentence.inFive(99, 100),
                        UserVoiceSentence.inFive(13, 13)));
    }
}
