package org.silkrail.model;

import org.silkrail.engine.Sample;

/**
 * The counters behind {@code background_totals}: the trains of {@code background: true} flows
 * ({@link FlowSpec#background()}), which {@link Measurements} keeps out of the corridor's
 * totals. Same meanings as {@link ReplicationResult.Totals}: measured-window counts count what
 * completes at or after the warm-up, the {@code All} counts the whole run. Hot counters are
 * fields; nothing is allocated per train (the sample grows by doubling). One per replication.
 */
final class BackgroundTotals {
    private final long warmup;
    long generatedAll;
    long deliveredAll;
    private long generated;
    private long delivered;
    private double teuDelivered;
    private final Sample transitDays;

    BackgroundTotals(long warmup) {
        this.warmup = warmup;
        this.transitDays = new Sample(warmup);
    }

    /** A background train was generated at {@code now}. */
    void generated(long now) {
        generatedAll++;
        if (now >= warmup) {
            generated++;
        }
    }

    /** A background train of {@code teu} loaded TEU was delivered in the measured window. */
    void delivered(int teu, double transitDays) {
        delivered++;
        teuDelivered += teu;
        this.transitDays.add(transitDays);
    }

    /** Background trains generated and not yet delivered: those of the census that are ours. */
    long inSystem() {
        return generatedAll - deliveredAll;
    }

    ReplicationResult.Totals result(double measuredDays) {
        return new ReplicationResult.Totals(generated, delivered, teuDelivered,
                teuDelivered / measuredDays * 365.25, transitDays.values(), inSystem(),
                generatedAll, deliveredAll);
    }
}
