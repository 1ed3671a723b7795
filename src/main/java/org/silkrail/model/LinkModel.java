package org.silkrail.model;

/**
 * How trains cross the links of one kind (rail lines, ferry crossings): one object per kind
 * holds the state of all its links in arrays indexed by {@code linkIdx}, and the replication
 * keeps one reference per link, chosen from the plan when the replication is built, so that the
 * event loop never asks which kind a link is. Two implementations: calls stay bimorphic.
 *
 * <p>Contract: after {@link #enter} the link model owns the train until it hands it back with
 * {@link Replication#leaveLink}, in finite time unless the link stays closed; {@link #onLink}
 * counts the trains it owns. Every wait of a train on a link (for a headway, a section, a
 * meeting, a vessel, a hold) ends in one place per implementation, which reports it to
 * {@link Measurements#linkWaitEnded}. No allocation per event.
 */
interface LinkModel {
    /**
     * Train {@code t}, done at the node before link {@code l}, asks to cross it in direction
     * {@code dir} (0 from the link's {@code from} node to its {@code to} node, 1 back).
     */
    void enter(int t, int l, int dir, long now);

    /**
     * A closure's combined factor on link {@code l} ({@code 1} open, {@code 0} shut) changed;
     * trains or vessels that it now lets go go at once.
     */
    void setFactor(int l, double factor, long now);

    /** A storm begins on link {@code l}; storms nest. Ignored by kinds storms do not stop. */
    void stormBegins(int l, long now);

    /** A storm on link {@code l} ends; what it held may go. */
    void stormEnds(int l, long now);

    /** Trains on link {@code l} or waiting to enter it, now. */
    int onLink(int l);

    /** Trains that entered link {@code l} after the warm-up (the results' {@code trains}). */
    long trains(int l);

    /** Share of link {@code l}'s capacity used over [warm-up, {@code end}]; kind-specific. */
    double utilization(int l, long end);

    /** Utilization of link {@code l} per 30-day period, or null where the kind keeps none. */
    double[] utilizationByPeriod(int l);

    /**
     * Capacity consumption of link {@code l} on each complete measured day up to {@code end}
     * ({@link Occupation}), or null where the kind has none (ferries).
     */
    double[] capacityConsumptionByDay(int l, long end);
}
