package uk.probation.inspection.infra;

import java.util.List;
import java.util.Optional;

/**
 * The demo people of the local OIDC provider's sign-in page (./run and the tests): one per role that signs in
 * with a browser. Their usernames are their token {@code sub}, as with {@code ./run token ... --user NAME}.
 */
public final class LocalPeople {

    /** One person: {@code region} is the token's region claim ({@code *} = every region), null for none. */
    public record Person(String username, String name, String role, String region) {

        /** How the sign-in page and ./run describe the person. */
        public String describe() {
            return name + " (" + username + "): " + role
                    + (region == null ? "" : "*".equals(region) ? ", every region" : ", region " + region);
        }
    }

    public static final List<Person> ALL = List.of(
            new Person("lena", "Lena Lead", "lead-inspector", "*"),
            new Person("ivan", "Ivan Inspector", "inspector", "*"),
            new Person("vic", "Vic Viewer", "viewer", "London"),
            new Person("nora", "Nora Viewer", "viewer", "North East"),
            new Person("ada", "Ada Admin", "admin", null));

    private LocalPeople() {
    }

    public static Optional<Person> byUsername(String username) {
        return ALL.stream().filter(p -> p.username().equals(username)).findFirst();
    }
}
