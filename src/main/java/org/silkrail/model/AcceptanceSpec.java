package org.silkrail.model;

/**
 * Back-pressure at a node, as a scenario declares it ({@code yard} and {@code ban} on the node):
 * how many trains may wait there, and when the railway stops accepting trains toward it.
 *
 * <p>Both apply to each of the node's stations (each direction of a node with
 * {@code directions:}, as a quota does). {@code yardTrains} bounds the trains waiting at the
 * station plus those sent toward it and not yet arrived: a train is never dispatched onto the
 * line toward a station whose yard has no place kept for it. {@code banAtTrains} starts an
 * acceptance ban when that many trains wait at the station; it lifts when
 * {@code liftAtTrains} or fewer wait (KTZ's bans toward Dostyk and Altynkol in 2024,
 * eurasia-reference.md §3.1).
 *
 * @param node node id
 * @param yardTrains trains the station's yard holds (waiting, and on their way to it); 0 for no
 *     limit
 * @param banAtTrains waiting trains at which an acceptance ban starts; 0 for no ban
 * @param liftAtTrains waiting trains at or below which the ban lifts; below {@code banAtTrains}
 * @param refuse whether trains that meet a ban at their origin are refused (true) or held at
 *     their origin until it lifts (false)
 */
public record AcceptanceSpec(String node, int yardTrains, int banAtTrains, int liftAtTrains,
        boolean refuse) {
    public AcceptanceSpec {
        if (yardTrains < 0 || banAtTrains < 0 || liftAtTrains < 0
                || banAtTrains > 0 && liftAtTrains >= banAtTrains) {
            throw new IllegalArgumentException("need yard >= 0, ban >= 0, 0 <= lift < ban:"
                    + " node=" + node + " yardTrains=" + yardTrains + " banAtTrains="
                    + banAtTrains + " liftAtTrains=" + liftAtTrains);
        }
    }
}
