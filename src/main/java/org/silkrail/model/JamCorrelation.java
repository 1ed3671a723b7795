package org.silkrail.model;

/**
 * Correlated closures by a common shock: two Poisson closures A and B (episode rates λA, λB, the
 * same duration distribution of mean m) get correlated "closed" indicators by drawing part of
 * their episodes from one shared Poisson process of rate λc ≤ min(λA, λB). A shared episode
 * closes both at the same instant for the same duration; A's own episodes come at λA − λc and
 * B's at λB − λc, so each keeps its yearly rate of episodes (and its yearly closed hours).
 *
 * <p>What ρ means: the correlation coefficient of the indicators I_A(t), I_B(t) — 1 while an
 * episode of that closure lasts (overlapping episodes merge) — at one instant in steady state;
 * sampling both once a day over a long run estimates it. Independent closures have ρ = 0; with
 * λA = λB and every episode shared, ρ = 1.
 *
 * <p>The formula: episodes covering an instant are the points of a Poisson process thinned by
 * P(D > age), so A is open with probability qA = exp(−λA m) (an M/G/∞ system is empty), and
 * both are open with probability exp(−(λA + λB − λc) m) (a shared episode covers both or
 * neither). Hence Cov(I_A, I_B) = qA qB (e^{λc m} − 1) and
 * <pre>
 *   ρ = (e^{λc m} − 1) · √(qA qB / (pA pB)),   pX = 1 − qX,
 *   λc = ln(1 + ρ √(pA pB / (qA qB))) / m.
 * </pre>
 * Example (the baseline's Dostyk and Khorgos jams, eurasia-reference.md §8.1): λ = 1/243 per
 * day each, m = 20 d, ρ = 0.5: q = 0.921, λc = 0.00210/day, i.e. 0.77 of the 1.50 episodes a
 * year are shared by both borders.
 */
public final class JamCorrelation {
    private JamCorrelation() {
    }

    /**
     * The shared-episode rate that gives correlation {@code rho}; NaN when {@code rho} is above
     * {@link #maxCorrelation} for these rates. Rates per second, mean in seconds.
     */
    public static double sharedRate(double rateA, double rateB, double meanDurationSeconds,
            double rho) {
        double m = meanDurationSeconds;
        double pA = -Math.expm1(-rateA * m);
        double pB = -Math.expm1(-rateB * m);
        double qA = 1 - pA;
        double qB = 1 - pB;
        double shared = Math.log1p(rho * Math.sqrt(pA * pB / (qA * qB))) / m;
        return shared <= Math.min(rateA, rateB) * (1 + 1e-12) ? Math.min(shared,
                Math.min(rateA, rateB)) : Double.NaN;
    }

    /** The correlation of the closed indicators when episodes are shared at {@code sharedRate}. */
    public static double correlation(double rateA, double rateB, double meanDurationSeconds,
            double sharedRate) {
        double m = meanDurationSeconds;
        double pA = -Math.expm1(-rateA * m);
        double pB = -Math.expm1(-rateB * m);
        return Math.expm1(sharedRate * m) * Math.sqrt((1 - pA) * (1 - pB) / (pA * pB));
    }

    /**
     * The largest correlation two closures of these rates can have: every episode of the rarer
     * one shared.
     */
    public static double maxCorrelation(double rateA, double rateB, double meanDurationSeconds) {
        return correlation(rateA, rateB, meanDurationSeconds, Math.min(rateA, rateB));
    }

    /** The steady-state probability that a Poisson closure of this rate is closed. */
    public static double closedProbability(double rate, double meanDurationSeconds) {
        return -Math.expm1(-rate * meanDurationSeconds);
    }
}
