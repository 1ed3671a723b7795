package org.silkrail.network;

/**
 * The way a train runs along the corridor: {@code west} (China → Europe, Central Asia) or
 * {@code east} (towards China). Railways' exchange agreements count trains per direction, so
 * a node may process and cap each direction on its own ({@link NodeSpec#directions()}).
 *
 * <p>A flow that does not name its direction runs {@link #between west} when its destination
 * lies west of its origin (smaller longitude), else east.
 */
public enum Direction {
    WEST("west"),
    EAST("east");

    private final String yamlName;

    Direction(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in scenario files and in results ({@code nodes.ID.directions.west}). */
    public String yamlName() {
        return yamlName;
    }

    /** The direction of a spelling, or {@code null} if it names none. */
    public static Direction of(String yamlName) {
        for (Direction d : values()) {
            if (d.yamlName.equals(yamlName)) {
                return d;
            }
        }
        return null;
    }

    /** The default direction of a flow: west when {@code to} lies west of {@code from}. */
    public static Direction between(NodeSpec from, NodeSpec to) {
        return to.lon() < from.lon() ? WEST : EAST;
    }
}
