package org.silkrail.model;

/**
 * Re-forming of one replication: how many trains of a re-forming side ({@link ReformSpec}) each
 * train makes there, and the counts behind {@code reforming.ID}.
 *
 * <p>The model keeps a train whole — one train of the simulation, born at its origin and
 * delivered at its destination with all its TEU, so transit times, TEU and the train
 * conservation checks are unchanged — and counts it on the side as {@code k} trains: it needs
 * {@code k} wagon sets and {@code k} locomotives of the side's fleets. {@code k} follows the
 * TEU (loaded and empty) of all the trains of its direction that entered the side so far: each
 * makes at least one, and the side's trains formed so far are {@code max(before + 1,
 * floor(S / teuPerTrain))} after trains of {@code S} TEU in total, so TEU are conserved and
 * containers that do not fill a train ride with the next one. Example (§8.1): trains of
 * 110 TEU (55 FEU) into EU trains of 84 TEU (42 FEU) make 1.31 trains each in the long run
 * (1, 1, 1, 2, 1, 1, 2, … : 4 trains make 5); trains of 100 TEU make 1.19.
 *
 * <p>Not modelled: a re-formed train's parts run together, as one train on the side's lines and
 * nodes (line capacity counts it once), and a re-forming waits for no other train.
 * No allocation per event. Not thread-safe; one per replication.
 */
final class Reforming {
    private final Plan plan;
    private final Trains trains;
    private final long warmup;
    /** Per re-forming node and direction (index s * 2 + d): TEU entered, trains formed. */
    private final double[] teuEntered;
    private final long[] formed;

    // measured window, per re-forming node
    final long[] trainsIn;
    final long[] sideTrains;
    final double[] teu;

    Reforming(Plan plan, Trains trains) {
        this.plan = plan;
        this.trains = trains;
        this.warmup = plan.warmupSeconds;
        int count = plan.stock.reformCount;
        teuEntered = new double[count * Plan.DIRECTIONS];
        formed = new long[count * Plan.DIRECTIONS];
        trainsIn = new long[count];
        sideTrains = new long[count];
        teu = new double[count];
    }

    /** Train {@code t} enters the side of re-forming {@code s} now: the trains it makes there. */
    int enter(int s, int t, long now) {
        int k = s * Plan.DIRECTIONS + plan.flowDirection[trains.flow[t]];
        double slots = trains.teu[t] + (double) trains.emptyTeu[t];
        teuEntered[k] += slots;
        long full = (long) Math.floor(teuEntered[k] / plan.stock.reformTeuPerTrain[s] + 1e-9);
        int made = (int) Math.max(1, full - formed[k]);
        formed[k] += made;
        if (now >= warmup) {
            trainsIn[s]++;
            sideTrains[s] += made;
            teu[s] += slots;
        }
        return made;
    }
}
