package io.github.metricparity.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exported API of the spi module, listed: every exported package, its public types and their public and
 * protected members, compared with {@code src/test/resources/exported-api.txt}. A change to the API fails here until
 * the list is updated, so it is always deliberate: rerun with {@code -Dapi.update=true} to rewrite the list, and
 * review its diff.
 */
class ExportedApiTest {
    private static final Path LISTING = Path.of("src/test/resources/exported-api.txt");

    @Test
    void exportedApiIsTheListedOne() throws Exception {
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String actual = listing(classes);
        if (Boolean.getBoolean("api.update")) {
            Files.writeString(LISTING, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(LISTING, StandardCharsets.UTF_8);
        List<String> removed = new ArrayList<>(expected.lines().collect(Collectors.toList()));
        removed.removeAll(actual.lines().collect(Collectors.toList()));
        List<String> added = new ArrayList<>(actual.lines().collect(Collectors.toList()));
        added.removeAll(expected.lines().collect(Collectors.toList()));
        assertTrue(expected.equals(actual), () -> "the exported API changed (added: " + added + "; removed: "
                + removed + "); if that is deliberate, rerun with -Dapi.update=true and commit " + LISTING);
    }

    @Test
    void onlyTheContractAndTheCatalogAreExported() throws Exception {
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(List.of("io.github.metricparity.keras", "io.github.metricparity.spi"), exports(classes));
        assertTrue(exports(classes).stream().noneMatch(p -> p.contains("internal")));
    }

    private static List<String> exports(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in).exports().stream()
                    .filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static String listing(Path classes) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String pkg : exports(classes)) {
            out.append("package ").append(pkg).append('\n');
            Path dir = classes.resolve(pkg.replace('.', '/'));
            List<String> names;
            try (Stream<Path> files = Files.list(dir)) {
                names = files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                        .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length()))
                        .sorted()
                        .collect(Collectors.toList());
            }
            for (String name : names) {
                Class<?> type = Class.forName(name, false, ExportedApiTest.class.getClassLoader());
                if (visible(type)) {
                    appendType(out, type);
                }
            }
        }
        return out.toString();
    }

    /** Public, and every enclosing type public too. */
    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static void appendType(StringBuilder out, Class<?> type) {
        out.append("  ").append(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            out.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        List<String> interfaces = new ArrayList<>();
        for (var i : type.getGenericInterfaces()) {
            interfaces.add(i.getTypeName());
        }
        if (!interfaces.isEmpty()) {
            out.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        out.append('\n');
        TreeSet<String> members = new TreeSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (api(f.getModifiers()) && !f.isSynthetic()) {
                members.add(f.toGenericString());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (api(c.getModifiers()) && !c.isSynthetic()) {
                members.add(c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                members.add(m.toGenericString());
            }
        }
        for (String m : members) {
            out.append("    ").append(m).append('\n');
        }
    }

    private static boolean api(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
