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
 * @param otherCargoShare fraction of each vessel's wagon places taken by non-China cargo on
 *     every sailing, in [0, 1); ferry only (0 on rail links)
 */
public record LinkSpec(String id, String from, String to, LinkMode mode, double lengthKm,
        int tracks, int sidings, double speedKmh, double capacityPerDay,
        int vessels, int wagonsPerVessel, Distribution sailingSeconds, DepartureRule departs,
        double otherCargoShare) {

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
     * Wagon places per sailing left to the simulated trains: {@code floor(wagonsPerVessel ×
     * (1 − otherCargoShare))}, at least 1.
     */
    public int placesForTrains() {
        return Math.max(1, (int) Math.floor(wagonsPerVessel * (1 - otherCargoShare) + 1e-9));
    }
}
