package org.silkrail.scenario;

/** Dotted paths into a scenario tree: {@code network.nodes.DOS.quota}, list items as {@code [3]}. */
final class TreePaths {
    private TreePaths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
