package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/README.md covers what operations need (the alert sections are checked in MonitoringTest). */
class ReadmeTest {

    static final String BUILD = "mvn -pl case-service,rating-service,feedback-service -am package -DskipTests "
            + "-Dquarkus.container-image.build=true -Dquarkus.container-image.push=true "
            + "-Dquarkus.container-image.registry=REGISTRY";

    @Test
    void documentsImagesInstallUpgradeScaleBackupRotateAndAlerts() throws IOException {
        String readme = Files.readString(Paths.readme());
        for (Facts.ServiceFacts s : Facts.SERVICES) {
            assertTrue(readme.contains(Facts.image(s.name())), "README: image " + Facts.image(s.name()));
        }
        assertTrue(readme.contains("`" + Facts.IMAGE_TAG + "`"), "README: image tag");
        assertTrue(readme.contains(BUILD), "README: the image build command");
        for (String section : List.of("## Install", "## Upgrade", "## Scale", "## Back up and restore",
                "## Rotate secrets", "## Alerts")) {
            assertTrue(readme.contains("\n" + section), "README: section " + section);
        }
    }
}
