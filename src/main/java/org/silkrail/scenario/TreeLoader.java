package org.silkrail.scenario;

import org.silkrail.network.NearNames;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.ScalarType;

/**
 * Reads a scenario file and everything it names into one tree: a {@code network:} path is
 * replaced by the network file's content, and a file with {@code extends:} is deep-merged over
 * its base.
 *
 * <p>Merge rules: maps merge key by key (nodes, links, flows … are maps keyed by id, so a patch
 * names only what it changes); any other value replaces the base's; {@code null} removes the
 * base's entry. A {@code network:} that names a file replaces the base's network instead of
 * patching it. Relative paths resolve against the file that names them; chains of bases are
 * allowed and cycles reported. Every value keeps the place it was written, so a problem in an
 * inherited value points into the base file; a map (and a key) that an option patched is placed
 * in the option.
 */
final class TreeLoader {
    /**
     * Deepest chain of files read (a scenario extending a base extending a base …, each
     * possibly naming a network file): real chains are 3 or 4 files deep.
     */
    static final int MAX_FILES_DEEP = 16;

    private final List<Diagnostic> problems;
    /** Files being read, outermost first, to report cycles. */
    private final Deque<Path> reading = new ArrayDeque<>();
    /** Set when a file could not be read or parsed: the tree lacks its part. */
    private boolean incomplete;

    TreeLoader(List<Diagnostic> problems) {
        this.problems = problems;
    }

    /** The merged tree of a scenario file, or {@code null} when it could not be read. */
    Mapping loadScenario(Path file) {
        return load(file, null, "", "", false);
    }

    /**
     * Whether some file named by the scenario could not be read, parsed or merged (a cycle): then
     * the tree lacks parts, and checking it further would only report their absence.
     */
    boolean incomplete() {
        return incomplete;
    }

    /**
     * Reads {@code file} and resolves what it names.
     *
     * @param namedAt where the file's name was written, or {@code null} for the file given by
     *     the user
     * @param namedPath the tree path of the value that named it
     * @param mount the tree path where the file's content goes ({@code ""} or {@code network})
     */
    private Mapping load(Path file, Source namedAt, String namedPath, String mount,
            boolean network) {
        Path key = file.toAbsolutePath().normalize();
        if (reading.contains(key)) {
            List<String> chain = new ArrayList<>();
            for (Path p : reading) {
                chain.add(p.getFileName().toString());
            }
            chain.add(key.getFileName().toString());
            problems.add(Diagnostic.at(namedAt, namedPath, "files extend each other in a cycle: "
                    + String.join(" -> ", chain)));
            incomplete = true;
            return null;
        }
        if (reading.size() >= MAX_FILES_DEEP) {
            problems.add(Diagnostic.at(namedAt, namedPath, "more than " + MAX_FILES_DEEP
                    + " files deep (extends: and network: files naming further files, from "
                    + reading.peekFirst().getFileName() + "); at most " + MAX_FILES_DEEP));
            incomplete = true;
            return null;
        }
        YamlNode root = read(file, namedAt, namedPath);
        if (root == null) {
            incomplete = true;
            return null;
        }
        if (!(root instanceof Mapping mapping)) {
            incomplete = true;
            String expected = network ? "a network map with nodes: and links:"
                    : "a map of keys like scenario:, network: and demand:";
            // the kind only, not the content: the file may be any file (extends: /etc/passwd)
            problems.add(Diagnostic.at(root.at(), "", "expected " + expected + ", got "
                    + kindOf(root)));
            return null;
        }
        reading.addLast(key);
        try {
            return resolve(mapping, file, mount, network);
        } finally {
            reading.removeLast();
        }
    }

    /** Inlines the network file of a scenario map and merges the map over its base. */
    private Mapping resolve(Mapping mapping, Path file, String path, boolean network) {
        Mapping own = mapping;
        boolean networkIsFile = false;
        if (!network && mapping.entries().containsKey("network")) {
            Entry entry = mapping.entries().get("network");
            YamlNode value = entry.value();
            String networkPath = TreePaths.child(path, "network");
            YamlNode resolved = value;
            if (value instanceof Scalar s && s.type() == ScalarType.STRING) {
                networkIsFile = true;
                Path named = TextFiles.sibling(file, s.text(), s.at(), networkPath, problems);
                Mapping loaded = named == null ? null : load(named, s.at(), networkPath,
                        networkPath, true);
                if (named == null) {
                    incomplete = true;
                }
                resolved = loaded == null ? value : loaded;
            } else if (value instanceof Mapping inline) {
                resolved = resolve(inline, file, networkPath, true);
            }
            own = with(own, entry, resolved);
        }
        Entry extendsEntry = own.entries().get("extends");
        if (extendsEntry == null) {
            return own;
        }
        own = without(own, "extends");
        if (!(extendsEntry.value() instanceof Scalar s) || s.type() != ScalarType.STRING) {
            problems.add(Diagnostic.at(extendsEntry.value().at(), TreePaths.child(path, "extends"),
                    "expected a file name, got " + extendsEntry.value().describe()));
            incomplete = true;
            return own;
        }
        String extendsPath = TreePaths.child(path, "extends");
        Path named = TextFiles.sibling(file, s.text(), s.at(), extendsPath, problems);
        if (named == null) {
            incomplete = true;
            return own;
        }
        Mapping base = load(named, s.at(), extendsPath, path, network);
        if (base == null) {
            return own;
        }
        Mapping merged = (Mapping) merge(base, own, path, problems);
        if (networkIsFile) {
            // an option that names another network file replaces the base's network
            merged = with(merged, own.entries().get("network"), own.get("network"));
        }
        return merged;
    }

    /**
     * Deep-merges {@code overlay} over {@code base}: maps key by key, {@code null} removes, any
     * other value replaces. Removing what the base lacks is reported.
     */
    static YamlNode merge(YamlNode base, YamlNode overlay, String path,
            List<Diagnostic> problems) {
        if (!(base instanceof Mapping baseMap) || !(overlay instanceof Mapping overMap)) {
            return overlay;
        }
        Map<String, Entry> entries = new LinkedHashMap<>(baseMap.entries());
        for (Entry e : overMap.entries().values()) {
            String childPath = TreePaths.child(path, e.key());
            Entry old = entries.get(e.key());
            if (e.value() instanceof Scalar s && s.isNull()) {
                if (old == null) {
                    problems.add(Diagnostic.at(e.keyAt(), childPath, "nothing to remove: the base"
                            + " has no '" + e.key() + "'" + NearNames.didYouMean(e.key(),
                                    baseMap.entries().keySet())));
                } else {
                    entries.remove(e.key());
                }
            } else if (old == null) {
                entries.put(e.key(), e);
            } else {
                entries.put(e.key(), new Entry(e.key(), e.keyAt(),
                        merge(old.value(), e.value(), childPath, problems)));
            }
        }
        // a patched map is placed where it was last written: a problem of the whole map (shares
        // that no longer sum to 1) then points at the patch that caused it
        return new Mapping(overMap.at(), entries);
    }

    private YamlNode read(Path file, Source namedAt, String path) {
        String text = TextFiles.read(file, namedAt, path, problems);
        return text == null ? null : YamlReader.read(file, text, problems);
    }

    /** {@code "; did you mean baseline-2025.yaml?"} from the YAML files beside a missing one. */
    static String nearFiles(Path file) {
        Path dir = file.getParent() == null ? Path.of(".") : file.getParent();
        if (!Files.isDirectory(dir)) {
            return " (there is no directory " + dir + ")";
        }
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return "";
        }
        String name = file.getFileName().toString();
        List<String> near = new ArrayList<>(NearNames.matches(name, names));
        if (near.isEmpty()) {
            String stem = name.replaceFirst("\\.ya?ml$", "");
            for (String n : names) {
                if (n.startsWith(stem) || stem.startsWith(n.replaceFirst("\\.ya?ml$", ""))) {
                    near.add(n);
                }
            }
        }
        return near.isEmpty() ? "" : "; did you mean " + NearNames.orList(near.subList(0,
                Math.min(3, near.size()))) + "?";
    }

    /** What a file holds instead of a map: {@code "an empty file"}, {@code "a list"}. */
    static String kindOf(YamlNode root) {
        if (root instanceof Scalar s) {
            return switch (s.type()) {
                case NULL -> "an empty file";
                case STRING -> "a single text value";
                default -> "a single value";
            };
        }
        return root.describe();
    }

    private static Mapping with(Mapping mapping, Entry entry, YamlNode value) {
        Map<String, Entry> entries = new LinkedHashMap<>(mapping.entries());
        if (value == null) {
            entries.remove(entry.key());
        } else {
            entries.put(entry.key(), new Entry(entry.key(), entry.keyAt(), value));
        }
        return new Mapping(mapping.at(), entries);
    }

    private static Mapping without(Mapping mapping, String key) {
        Map<String, Entry> entries = new LinkedHashMap<>(mapping.entries());
        entries.remove(key);
        return new Mapping(mapping.at(), entries);
    }
}
