package uk.probation.inspection.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.platform.security.ReadAccess;
import uk.probation.inspection.platform.security.ReadAccess.Reading;

class ReadAccessTest {

    static final BooleanSupplier YES = () -> true;
    static final BooleanSupplier NO = () -> false;
    static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("asked what does not matter");
    };

    static ReadAccess inspector() {
        return new ReadAccess("ivan", "s-ivan", true, false, List.of());
    }

    static ReadAccess viewer(String... regions) {
        return new ReadAccess("vera", "s-vera", false, true, List.of(regions));
    }

    @Test
    void theTeamReadsLiveWhetherPublishedOrNot() {
        assertEquals(Reading.LIVE, inspector().reading("London", YES, NEVER_ASKED));
        assertEquals(Reading.NONE, inspector().reading("London", NO, NO));
        assertEquals(Reading.NONE, inspector().reading("London", NO, YES), "another team's published inspection");
    }

    @Test
    void viewersReadThePublicationOfTheirRegionsOnly() {
        assertEquals(Reading.PUBLISHED, viewer("London").reading("london", NEVER_ASKED, YES));
        assertEquals(Reading.NONE, viewer("London").reading("London", NEVER_ASKED, NO), "embargoed or unpublished");
        assertEquals(Reading.NONE, viewer("Wales").reading("London", NEVER_ASKED, NEVER_ASKED));
        assertEquals(Reading.PUBLISHED, viewer("*").reading("Anywhere", NEVER_ASKED, YES));
        assertEquals(Reading.NONE, viewer().reading("London", NEVER_ASKED, NEVER_ASKED), "no region claim");
    }

    @Test
    void aViewerOnATeamReadsThatInspectionLive() {
        ReadAccess both = new ReadAccess("lena", "s-lena", true, true, List.of("London"));
        assertEquals(Reading.LIVE, both.reading("London", YES, NEVER_ASKED));
        assertEquals(Reading.PUBLISHED, both.reading("London", NO, YES));
    }

    @Test
    void regionsAreListedForTeamRolesAndTheRegionsOfTheClaim() {
        assertTrue(inspector().mayListRegion("Wales"));
        assertTrue(viewer("Wales").mayListRegion("WALES"));
        assertFalse(viewer("London").mayListRegion("Wales"));
    }
}
