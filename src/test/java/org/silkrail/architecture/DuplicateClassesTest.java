package org.silkrail.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build rule extra-enforcer-rules' {@code banDuplicateClasses} would give (that artifact is
 * not among the versions this project may use): no class is on the classpath twice — from two
 * dependencies, or from a dependency and silkrail itself. Which copy the JVM loads, and which
 * one the shaded jar keeps, then depends on classpath order: a dependency shipping another's
 * classes (a fat jar, a relocated-but-not-quite copy) would change behaviour silently.
 *
 * <p>Checks the test classpath as surefire builds it (silkrail's classes, every runtime
 * dependency the shaded jar holds, and the test-only ones). Not counted: {@code module-info}
 * and everything under {@code META-INF/} (multi-release variants of a jar's own classes).
 * {@link #IGNORED} lists what is allowed twice, each with its reason; it is empty: the check
 * found no duplicate among the 33,963 classes when it was added.
 */
class DuplicateClassesTest {
    /** Class-file prefix → why its duplicates are harmless. Keep it narrow. */
    private static final Map<String, String> IGNORED = Map.of();

    @Test
    void classpath_everyClass_comesFromOneJarOrFolder() throws IOException {
        List<Path> entries = new ArrayList<>();
        String classpath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        assertThat(entries).as("the classpath holds the dependencies")
                .anyMatch(p -> p.getFileName().toString().startsWith("hazelcast"));

        Map<String, List<String>> duplicates = duplicates(entries);

        assertThat(duplicates).as("classes found in more than one place (fix the dependency,"
                + " or add a narrow prefix with its reason to IGNORED)").isEmpty();
    }

    @Test
    void duplicates_sameClassInTwoJars_reportedWithBothJars(@TempDir Path dir)
            throws IOException {
        Path a = jar(dir.resolve("a.jar"), "org/x/Shared.class", "org/x/OnlyA.class",
                "module-info.class", "META-INF/versions/11/org/x/OnlyA.class");
        Path b = jar(dir.resolve("b.jar"), "org/x/Shared.class", "module-info.class");
        Path classes = Files.createDirectories(dir.resolve("classes/org/x"));
        Files.write(classes.resolve("OnlyA.class"), new byte[] {1});

        Map<String, List<String>> found = duplicates(List.of(a, b, dir.resolve("classes")));

        assertThat(found).containsOnlyKeys("org/x/Shared.class", "org/x/OnlyA.class");
        assertThat(found.get("org/x/Shared.class")).containsExactly(a.toString(), b.toString());
        assertThat(found.get("org/x/OnlyA.class")).containsExactly(a.toString(),
                dir.resolve("classes").toString());
    }

    /** Class files found in more than one classpath entry, with the entries, in order. */
    static Map<String, List<String>> duplicates(List<Path> entries) throws IOException {
        Map<String, List<String>> where = new TreeMap<>();
        for (Path entry : entries) {
            for (String name : classFiles(entry)) {
                if (!name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                        && IGNORED.keySet().stream().noneMatch(name::startsWith)) {
                    where.computeIfAbsent(name, k -> new ArrayList<>()).add(entry.toString());
                }
            }
        }
        where.values().removeIf(places -> places.size() < 2);
        return where;
    }

    private static List<String> classFiles(Path entry) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(
                        entry.relativize(p).toString().replace(File.separatorChar, '/')));
            }
        } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static Path jar(Path file, String... classFiles) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out)) {
            for (String name : classFiles) {
                jar.putNextEntry(new ZipEntry(name));
                jar.write(new byte[] {1});
                jar.closeEntry();
            }
        }
        return file;
    }
}
