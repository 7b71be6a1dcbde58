package uk.probation.inspection.rating.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

/** Fails the build when a REST method of this service has no explicit @RolesAllowed (issue 6). */
class SecurityAnnotationTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);

    @Test
    void everyRestMethodNamesItsRoles() throws Exception {
        Path classes = Path.of("target", "classes");
        List<String> unannotated = new ArrayList<>();
        int endpoints = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                        continue;
                    }
                    endpoints++;
                    if (!method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                            || method.isAnnotationPresent(DenyAll.class)) {
                        unannotated.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertTrue(endpoints >= 4, "found " + endpoints + " endpoints");
        assertEquals(List.of(), unannotated);
    }
}
