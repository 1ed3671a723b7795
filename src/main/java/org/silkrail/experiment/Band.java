package org.silkrail.experiment;

/**
 * A time series aggregated across replications point by point: the mean and its Student-t
 * 95 % interval at each point (NaN where fewer than two replications have the point).
 * The arrays have equal length and must not be modified.
 */
public record Band(double[] mean, double[] ci95Low, double[] ci95High) {
    public Band {
        if (mean.length != ci95Low.length || mean.length != ci95High.length) {
            throw new IllegalArgumentException("band arrays differ in length: mean="
                    + mean.length + " ci95Low=" + ci95Low.length + " ci95High=" + ci95High.length);
        }
    }

    public int length() {
        return mean.length;
    }
}
