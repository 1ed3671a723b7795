package org.silkrail.model;

/**
 * A finite pool of rolling stock of one kind serving one part of the network: a train needs one
 * unit (one wagon set, enough wagons for one train; or one locomotive) on every link of the
 * area and waits where it takes one if none is free (details in {@code Fleets}).
 *
 * @param kind what the units are; both kinds behave alike, the kind names them in outputs
 * @param size units in the pool, at least 1; constant over the run (none created or lost)
 * @param area the nodes the fleet serves; a train uses it on links with both ends in it
 * @param returnSeconds time a unit takes to run back empty to where it was taken, or
 *     {@link #REVERSE} for the running time of the stretch it served, backwards
 */
public record FleetSpec(String id, Kind kind, int size, Area area, long returnSeconds) {
    /** {@code return: reverse}: back over the stretch served, at the links' running times. */
    public static final long REVERSE = -1;

    public FleetSpec {
        if (size < 1) {
            throw new IllegalArgumentException("fleet needs at least one unit: fleet=" + id
                    + " size=" + size);
        }
        if (returnSeconds < 0 && returnSeconds != REVERSE) {
            throw new IllegalArgumentException("bad return time: fleet=" + id
                    + " returnSeconds=" + returnSeconds);
        }
    }

    /** What a fleet's units are. */
    public enum Kind {
        WAGONS("wagons"), LOCOMOTIVES("locomotives");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        /** The kind written {@code name}, or null. */
        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.yamlName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }
}
