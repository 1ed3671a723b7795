package org.silkrail.benchmarks.peers;

import java.util.List;
import java.util.Locale;

/**
 * The peers by name, and the check that they simulate the same thing: after the same number of
 * customers every peer must report the same mean wait (their inputs are identical whole seconds,
 * so the sample paths are identical), within 5 % of the exact M/M/1 value; and after the same
 * number of hold events every peer's clock must stand at the same second.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.silkrail.benchmarks.peers.Peers}
 * (what {@code benchmarks/run --peers} does before measuring); exit code 1 if a check fails.
 */
public final class Peers {
    /** Every peer, in table order; the lean PriorityQueue is the baseline of the ratios. */
    public static final List<String> NAMES = List.of("silkrail", "priorityQueue", "ssj", "dsol");
    /**
     * M/M/1 only: silkrail's event loop with the lean PriorityQueue's statistic alone (see
     * {@link SilkrailPeer.Mm1WaitOnly}).
     */
    public static final String SILKRAIL_WAIT_ONLY = "silkrailWaitOnly";
    static final long CHECK_CUSTOMERS = 2_000_000;
    static final int CHECK_HOLD_PENDING = 10_000;
    static final int CHECK_HOLD_EVENTS = 1_000_000;

    private Peers() {
    }

    static HoldModel hold(String name) {
        return switch (name) {
            case "silkrail" -> new SilkrailPeer.Hold();
            case "priorityQueue" -> new PriorityQueuePeer.Hold();
            case "ssj" -> new SsjPeer.Hold();
            case "dsol" -> new DsolPeer.Hold();
            default -> throw new IllegalArgumentException("unknown peer=" + name + ", expected one of " + NAMES);
        };
    }

    static QueueModel mm1(String name) {
        return switch (name) {
            case "silkrail" -> new SilkrailPeer.Mm1();
            case SILKRAIL_WAIT_ONLY -> new SilkrailPeer.Mm1WaitOnly();
            case "priorityQueue" -> new PriorityQueuePeer.Mm1();
            case "ssj" -> new SsjPeer.Mm1();
            case "dsol" -> new DsolPeer.Mm1();
            default -> throw new IllegalArgumentException("unknown peer=" + name + ", expected one of " + NAMES);
        };
    }

    /** Runs M/M/1 until exactly {@code customers} waits are recorded. */
    static double meanWaitAfter(QueueModel model, long customers) {
        model.start(Draws.interarrivals(), Draws.services());
        while (model.waits() < customers) {
            // one wait at most per event, so stepping one event at a time stops exactly
            model.advance(1);
        }
        return model.meanWaitSeconds();
    }

    /** Prints one line per peer and returns false if any peer disagrees. */
    static boolean check(Appendable out) throws java.io.IOException {
        double exact = Draws.mm1ExactWaitSeconds();
        double reference = Double.NaN;
        long referenceClock = Long.MIN_VALUE;
        boolean ok = true;
        out.append(String.format(Locale.ROOT, "%-16s %16s %16s %20s%n", "peer", "M/M/1 mean wait",
                "÷ exact " + (long) exact + " s", "hold clock (s)"));
        for (String name : NAMES) {
            double wait = meanWaitAfter(mm1(name), CHECK_CUSTOMERS);
            HoldModel hold = hold(name);
            hold.start(CHECK_HOLD_PENDING, Draws.hold());
            long clock = hold.advance(CHECK_HOLD_EVENTS);
            if (Double.isNaN(reference)) {
                reference = wait;
                referenceClock = clock;
            }
            boolean same = Math.abs(wait - reference) <= 1e-9 * reference
                    && Math.abs(wait / exact - 1) <= 0.05 && clock == referenceClock;
            ok &= same;
            out.append(String.format(Locale.ROOT, "%-16s %14.3f s %16.4f %20d %s%n", name, wait,
                    wait / exact, clock, same ? "ok" : "MISMATCH"));
        }
        double waitOnly = meanWaitAfter(mm1(SILKRAIL_WAIT_ONLY), CHECK_CUSTOMERS);
        boolean same = Math.abs(waitOnly - reference) <= 1e-9 * reference;
        ok &= same;
        out.append(String.format(Locale.ROOT, "%-16s %14.3f s %16.4f %20s %s%n", SILKRAIL_WAIT_ONLY,
                waitOnly, waitOnly / exact, "(M/M/1 only)", same ? "ok" : "MISMATCH"));
        return ok;
    }

    public static void main(String[] args) throws java.io.IOException {
        System.out.printf(Locale.ROOT, "Same model on every peer: M/M/1 (rho = 0.9) after %,d customers, "
                + "hold (%,d pending) after %,d events%n", CHECK_CUSTOMERS, CHECK_HOLD_PENDING,
                CHECK_HOLD_EVENTS);
        if (!check(System.out)) {
            System.exit(1);
        }
    }
}
