package org.silkrail.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.engine.Distribution;
import org.silkrail.model.ClosureSpec;
import org.silkrail.model.JamCorrelation;
import org.silkrail.network.NearNames;

/**
 * Checks the closures that name a partner with {@code correlated_with}: the partner exists and
 * is another closure, both are Poisson closures ({@code every: exp(…)}) with the same
 * {@code for} and {@code from} (a shared episode closes both for one duration), each closure is
 * in one pair at most, and the {@code correlation} is one their rates allow
 * ({@link JamCorrelation#maxCorrelation}). Problems are reported at the {@code correlated_with}
 * value.
 */
final class JamPairs {
    private JamPairs() {
    }

    /**
     * @param closures the closures that bound, by id
     * @param correlated the closures that name a partner, and where they name it
     * @param declared path of every closure written, bound or not
     */
    static void check(Map<String, ClosureSpec> closures, Map<String, Source> correlated,
            Map<String, String> declared, List<Diagnostic> problems) {
        Map<String, String> pairedWith = new HashMap<>();
        for (Map.Entry<String, Source> e : correlated.entrySet()) {
            ClosureSpec b = closures.get(e.getKey());
            String path = TreePaths.child(declared.get(b.id()), "correlated_with");
            String message = problem(b, closures, declared, pairedWith);
            if (message != null) {
                if (!message.isEmpty()) {
                    problems.add(Diagnostic.at(e.getValue(), path, message));
                }
                continue;
            }
            pairedWith.put(b.id(), b.correlatedWith());
            pairedWith.put(b.correlatedWith(), b.id());
        }
    }

    /** The problem with closure {@code b}'s pair; "" for one reported elsewhere; null if none. */
    private static String problem(ClosureSpec b, Map<String, ClosureSpec> closures,
            Map<String, String> declared, Map<String, String> pairedWith) {
        String partner = b.correlatedWith();
        if (partner.equals(b.id())) {
            return "a closure cannot be correlated with itself; name another closure";
        }
        ClosureSpec a = closures.get(partner);
        if (a == null) {
            // a partner written but not bound reports its own problem
            return declared.containsKey(partner) ? ""
                    : NearNames.unknown("closure", partner, declared.keySet());
        }
        for (String id : new String[] {b.id(), partner}) {
            if (pairedWith.containsKey(id)) {
                return "closure '" + id + "' is already correlated with '" + pairedWith.get(id)
                        + "'; a closure may be in one correlated pair";
            }
        }
        for (ClosureSpec c : new ClosureSpec[] {a, b}) {
            if (!(c.every() instanceof Distribution.Exponential)) {
                return "correlated closures recur at random: both need every: exp(mean), like"
                        + " every: exp(243d); '" + c.id() + "' has "
                        + (c.every() == null ? "no every (it happens once)"
                                : "gaps of another distribution");
            }
        }
        if (!a.duration().equals(b.duration())) {
            return "a shared episode closes both closures for one length: '" + a.id() + "' and '"
                    + b.id() + "' need the same for:";
        }
        if (a.fromSeconds() != b.fromSeconds()) {
            return "correlated closures start recurring together: '" + a.id() + "' and '"
                    + b.id() + "' need the same from:";
        }
        double rateA = 1 / a.every().mean();
        double rateB = 1 / b.every().mean();
        double mean = a.duration().mean();
        if (Double.isNaN(JamCorrelation.sharedRate(rateA, rateB, mean, b.correlation()))) {
            double max = JamCorrelation.maxCorrelation(rateA, rateB, mean);
            return "correlation " + trim(b.correlation()) + " is more than these closures can"
                    + " have: at most " + trim(Math.floor(max * 1000) / 1000) + " with their"
                    + " rates (every episode of the rarer one shared)";
        }
        return null;
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
