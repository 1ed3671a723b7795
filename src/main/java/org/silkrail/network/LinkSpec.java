package org.silkrail.network;

import org.silkrail.engine.Distribution;

/**
 * A link as a scenario declares it. Links carry trains both ways; rail limits apply per
 * direction.
 *
 * @param id short id (e.g. {@code DOS-MOI})
 * @param from one end's node id
 * @param to the other end's node id
 * @param mode rail or ferry
 * @param lengthKm length in kilometres (route length; sea distance for ferries)
 * @param tracks 1 (single track) or 2 (double track); rail only
 * @param sidings crossing loops on a single-track link; rail only
 * @param speedKmh average running speed of a freight train; rail only
 * @param capacityPerDay trains per day per direction, or 0 for no limit; rail only
 * @param vessels ferries serving the link; ferry only
 * @param wagonsPerVessel wagon places per ferry; ferry only
 * @param sailingSeconds one crossing in seconds; ferry only
 * @param departs when a ferry sails; ferry only
 * @param otherCargoShare fraction of each vessel's places (wagon or TEU) taken by non-China
 *     cargo on every sailing, in [0, 1); ferry only (0 on rail links)
 * @param teuPerVessel a container feeder's TEU per vessel, or 0 for a rail ferry (which
 *     carries {@code wagonsPerVessel} wagons); a feeder has no wagon places
 *     ({@code wagonsPerVessel} 0)
 */
public record LinkSpec(String id, String from, String to, LinkMode mode, double lengthKm,
        int tracks, int sidings, double speedKmh, double capacityPerDay,
        int vessels, int wagonsPerVessel, Distribution sailingSeconds, DepartureRule departs,
        double otherCargoShare, int teuPerVessel) {

    /** A link that is no container feeder. */
    public LinkSpec(String id, String from, String to, LinkMode mode, double lengthKm,
            int tracks, int sidings, double speedKmh, double capacityPerDay,
            int vessels, int wagonsPerVessel, Distribution sailingSeconds, DepartureRule departs,
            double otherCargoShare) {
        this(id, from, to, mode, lengthKm, tracks, sidings, speedKmh, capacityPerDay, vessels,
                wagonsPerVessel, sailingSeconds, departs, otherCargoShare, 0);
    }

    public static LinkSpec rail(String id, String from, String to, double lengthKm, int tracks,
            int sidings, double speedKmh, double capacityPerDay) {
        return new LinkSpec(id, from, to, LinkMode.RAIL, lengthKm, tracks, sidings, speedKmh,
                capacityPerDay, 0, 0, null, null, 0);
    }

    public static LinkSpec ferry(String id, String from, String to, double lengthKm, int vessels,
            int wagonsPerVessel, Distribution sailingSeconds, DepartureRule departs) {
        return ferry(id, from, to, lengthKm, vessels, wagonsPerVessel, sailingSeconds, departs,
                0);
    }

    public static LinkSpec ferry(String id, String from, String to, double lengthKm, int vessels,
            int wagonsPerVessel, Distribution sailingSeconds, DepartureRule departs,
            double otherCargoShare) {
        return new LinkSpec(id, from, to, LinkMode.FERRY, lengthKm, 0, 0, 0, 0, vessels,
                wagonsPerVessel, sailingSeconds, departs, otherCargoShare);
    }

    /**
     * A container feeder: {@code vessels} vessels of {@code teuPerVessel} TEU. Trains are
     * unloaded at the port, their containers cross, and a train is formed again on the far side.
     */
    public static LinkSpec feeder(String id, String from, String to, double lengthKm,
            int vessels, int teuPerVessel, Distribution sailingSeconds, DepartureRule departs,
            double otherCargoShare) {
        return new LinkSpec(id, from, to, LinkMode.FERRY, lengthKm, 0, 0, 0, 0, vessels, 0,
                sailingSeconds, departs, otherCargoShare, teuPerVessel);
    }

    /** Whether this is a container feeder (containers cross; the wagons stay ashore). */
    public boolean carriesContainers() {
        return mode == LinkMode.FERRY && teuPerVessel > 0;
    }

    /** Places per vessel in the link's cargo unit: TEU on a feeder, wagons on a rail ferry. */
    public int placesPerVessel() {
        return carriesContainers() ? teuPerVessel : wagonsPerVessel;
    }

    /**
     * Places per sailing left to the simulated trains: {@code floor(placesPerVessel ×
     * (1 − otherCargoShare))}, at least 1.
     */
    public int placesForTrains() {
        return Math.max(1, (int) Math.floor(placesPerVessel() * (1 - otherCargoShare) + 1e-9));
    }
}
