package uk.probation.inspection.infra.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.infra.TokenIssuer;

/**
 * Entry point of {@code ./run}: {@code up [--demo]} starts the whole system on this machine;
 * {@code token ROLE [--user NAME] [--region REGION]} prints a bearer token the local services accept.
 */
public final class LocalRun {

    static final List<String> ROLES = List.of("lead-inspector", "inspector", "viewer", "survey-ingest", "quality-assurance",
            "admin");

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pip.root", ".")).toAbsolutePath().normalize();
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "up" : rest.remove(0);
        switch (command) {
            case "up" -> up(root, rest);
            case "token" -> token(root, rest);
            default -> usage("unknown command: " + command);
        }
    }

    private static void up(Path root, List<String> options) throws Exception {
        boolean demo = options.remove("--demo");
        if (!options.isEmpty()) {
            usage("unknown option: " + options.get(0));
        }
        LocalSystem system = LocalSystem.start(LocalSystem.Options.local(root));
        Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-local-system"));
        if (demo) {
            new DemoLoader(system, root).load();
        }
        system.printSummary();
        system.awaitStop();
    }

    private static void token(Path root, List<String> options) {
        if (options.isEmpty() || !ROLES.contains(options.get(0))) {
            usage("token needs a role: one of " + ROLES);
        }
        String role = options.remove(0);
        String user = role.replace("-", "") + "-user";
        String region = "*";
        while (!options.isEmpty()) {
            String option = options.remove(0);
            if (options.isEmpty()) {
                usage(option + " needs a value");
            }
            switch (option) {
                case "--user" -> user = options.remove(0);
                case "--region" -> region = options.remove(0);
                default -> usage("unknown option: " + option);
            }
        }
        System.out.println(TokenIssuer.local(LocalSystem.keyDir(root)).token(user, role, region));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ./run [--demo]");
        System.err.println("       ./run token ROLE [--user NAME] [--region REGION]   (ROLE: " + String.join(", ", ROLES) + ")");
        System.exit(2);
    }
}
