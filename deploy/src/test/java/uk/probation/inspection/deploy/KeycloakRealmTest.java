package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The realm export (base/keycloak/realm) parses strictly into Keycloak's own representation
 * classes and gives the services what they expect: the contract's roles in a {@code groups}
 * claim, a {@code region} claim from a user attribute, and the audience.
 */
class KeycloakRealmTest {

    static String realmText() {
        try {
            return Files.readString(Paths.realmExport());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode realmJson() {
        try {
            return StrictModel.MAPPER.readTree(realmText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> clientIds(JsonNode realm) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .map(c -> c.path("clientId").asText()).collect(Collectors.toSet());
    }

    static RealmRepresentation realm() {
        try {
            return StrictModel.MAPPER.readValue(realmText(), RealmRepresentation.class);
        } catch (IOException e) {
            throw new AssertionError("realm export does not parse as Keycloak's RealmRepresentation: " + e.getMessage(), e);
        }
    }

    @Test
    void parsingIsStrict() {
        // guards the guard: an unknown field must fail the parse, or the test below proves nothing
        assertThrows(Exception.class, () -> StrictModel.MAPPER.readValue("{\"realm\":\"x\",\"rolez\":{}}",
                RealmRepresentation.class));
        assertThrows(Exception.class, () -> StrictModel.MAPPER.readValue(
                "{\"clientId\":\"x\",\"protocolMapper\":[]}", ClientRepresentation.class));
    }

    @Test
    void realmHasTheContractRoles() {
        RealmRepresentation realm = realm();
        assertEquals(Facts.REALM, realm.getRealm());
        assertEquals(Boolean.TRUE, realm.isEnabled());
        Set<String> roles = realm.getRoles().getRealm().stream().map(RoleRepresentation::getName)
                .collect(Collectors.toSet());
        assertEquals(Facts.ROLES, roles, "realm roles");
        assertNotEquals("none", realm.getSslRequired());
        assertEquals(Boolean.FALSE, realm.isRegistrationAllowed(), "self-registration would hand out accounts");
    }

    private static void assertNotEquals(String unexpected, String actual) {
        assertFalse(unexpected.equals(actual), "sslRequired must not be " + unexpected);
    }

    @Test
    void everyTokenIssuingClientHasTheClaimMappersTheServicesExpect() {
        RealmRepresentation realm = realm();
        List<ClientRepresentation> clients = realm.getClients();
        ClientRepresentation resource = clients.stream().filter(c -> Facts.AUDIENCE.equals(c.getClientId())).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + Facts.AUDIENCE + " (the services' client id)"));
        assertEquals(Boolean.TRUE, resource.isBearerOnly(), "the services' client only accepts tokens");

        Set<String> kinds = new HashSet<>();
        for (ClientRepresentation c : clients) {
            assertNull(c.getSecret(), c.getClientId() + ": no client secret in git; Keycloak generates one at import");
            if (Boolean.TRUE.equals(c.isBearerOnly())) {
                continue;
            }
            String where = "client " + c.getClientId();
            List<ProtocolMapperRepresentation> mappers = c.getProtocolMappers();
            assertNotNull(mappers, where + ": no protocol mappers");
            ProtocolMapperRepresentation roles = mapper(mappers, "oidc-usermodel-realm-role-mapper", where);
            assertEquals(Facts.ROLE_CLAIM, roles.getConfig().get("claim.name"), where + ": roles claim");
            assertEquals("true", roles.getConfig().get("multivalued"), where + ": roles claim must be an array");
            assertEquals("true", roles.getConfig().get("access.token.claim"), where + ": roles in the access token");

            ProtocolMapperRepresentation region = mapper(mappers, "oidc-usermodel-attribute-mapper", where);
            assertEquals("region", region.getConfig().get("user.attribute"), where + ": region attribute");
            assertEquals("region", region.getConfig().get("claim.name"), where + ": region claim");
            assertEquals("true", region.getConfig().get("access.token.claim"), where + ": region in the access token");

            ProtocolMapperRepresentation audience = mapper(mappers, "oidc-audience-mapper", where);
            assertEquals(Facts.AUDIENCE, audience.getConfig().get("included.custom.audience"), where + ": audience");
            assertEquals("true", audience.getConfig().get("access.token.claim"), where + ": audience in the access token");

            if (Boolean.TRUE.equals(c.isPublicClient())) {
                kinds.add("people");
                assertEquals("S256", c.getAttributes().get("pkce.code.challenge.method"), where + ": PKCE");
                assertFalse(Boolean.TRUE.equals(c.isImplicitFlowEnabled()), where + ": implicit flow");
                assertFalse(Boolean.TRUE.equals(c.isDirectAccessGrantsEnabled()), where + ": password grant");
            } else {
                assertEquals(Boolean.TRUE, c.isServiceAccountsEnabled(), where + ": machine client without service account");
                assertFalse(Boolean.TRUE.equals(c.isStandardFlowEnabled()), where + ": machine client with browser flow");
                UserRepresentation account = realm.getUsers().stream()
                        .filter(u -> c.getClientId().equals(u.getServiceAccountClientId())).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": service-account user missing"));
                assertNotNull(account.getRealmRoles(), where + ": service account has no role");
                assertTrue(Facts.ROLES.containsAll(account.getRealmRoles()), where + ": unknown role");
                kinds.addAll(account.getRealmRoles());
            }
        }
        // a client per consumer kind: people, User Voice, dashboards, other systems
        assertTrue(kinds.containsAll(Set.of("people", "survey-ingest", "viewer", "inspector")),
                "consumer kinds covered: " + kinds);
        for (UserRepresentation u : realm.getUsers()) {
            assertNotNull(u.getServiceAccountClientId(), "the export creates no people: " + u.getUsername());
            assertTrue(clients.stream().anyMatch(c -> c.getClientId().equals(u.getServiceAccountClientId())),
                    u.getUsername() + " belongs to an undefined client");
        }
    }

    @Test
    void userProfileDeclaresTheRegionAttribute() throws IOException {
        RealmRepresentation realm = realm();
        List<ComponentExportRepresentation> providers = realm.getComponents()
                .get("org.keycloak.userprofile.UserProfileProvider");
        assertNotNull(providers, "no user profile configuration: Keycloak would drop the region attribute");
        String json = providers.get(0).getConfig().getFirst("kc.user.profile.config");
        UPConfig config = StrictModel.MAPPER.readValue(json, UPConfig.class);
        Map<String, UPAttribute> attributes = config.getAttributes().stream()
                .collect(Collectors.toMap(UPAttribute::getName, a -> a));
        assertTrue(attributes.keySet().containsAll(Set.of("username", "email", "firstName", "lastName", "region")),
                "user profile attributes: " + attributes.keySet());
        UPAttribute region = attributes.get("region");
        assertTrue(region.isMultivalued(), "region may hold several regions");
        assertEquals(Set.of("admin"), region.getPermissions().getEdit(), "only administrators may set a region");
    }

    private static ProtocolMapperRepresentation mapper(List<ProtocolMapperRepresentation> mappers, String type,
            String where) {
        return mappers.stream().filter(m -> type.equals(m.getProtocolMapper())).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no " + type));
    }
}
