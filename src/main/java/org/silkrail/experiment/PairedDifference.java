package org.silkrail.experiment;

/**
 * How much an option changes one metric against the base, paired by replication: replication
 * {@code r} of both ran with the same random streams (common random numbers), so the
 * differences {@code d_r = option_r - base_r} vary far less than the metric itself, and the
 * Student-t interval on their mean is correspondingly narrower than one from independent runs.
 *
 * <p>Only replications where both values are finite are paired; the means of base and option
 * are over those same replications, so {@code diffMean = optionMean - baseMean} up to rounding.
 * With {@code n < 2} the interval is NaN. A difference within {@link #RESOLUTION} of the larger
 * value counts as 0: the output carries 12 significant digits, and a TEU-weighted mean summed in
 * another order of trains (the same trains, delivered in another order) differs in its last
 * bits, which must not read as a difference "the interval resolves". Worked example: base 10, 12, 11 and option 11, 14, 12
 * give differences 1, 2, 1, mean 1.3333, sd 0.57735, t(0.975, 2) = 4.3027 and the interval
 * [-0.1009, 2.7676] — which contains zero.
 *
 * @param baseMean mean of the base's paired values
 * @param optionMean mean of the option's paired values
 * @param diffMean mean of the differences, option minus base
 * @param diffCi95Low lower end of the 95 % interval of the mean difference
 * @param diffCi95High upper end
 * @param n replications paired
 */
public record PairedDifference(double baseMean, double optionMean, double diffMean,
        double diffCi95Low, double diffCi95High, int n) {

    /** Pairs {@code base[r]} with {@code option[r]}; arrays of equal length. */
    public static PairedDifference of(double[] base, double[] option) {
        if (base.length != option.length) {
            throw new IllegalArgumentException("unpaired replications: base=" + base.length
                    + " option=" + option.length);
        }
        int n = 0;
        for (int r = 0; r < base.length; r++) {
            if (Double.isFinite(base[r]) && Double.isFinite(option[r])) {
                n++;
            }
        }
        double[] b = new double[n];
        double[] o = new double[n];
        double[] d = new double[n];
        int i = 0;
        for (int r = 0; r < base.length; r++) {
            if (Double.isFinite(base[r]) && Double.isFinite(option[r])) {
                b[i] = base[r];
                o[i] = option[r];
                d[i] = difference(base[r], option[r]);
                i++;
            }
        }
        Stat diff = Stat.of(d);
        return new PairedDifference(Stat.of(b).mean(), Stat.of(o).mean(), diff.mean(),
                diff.ci95Low(), diff.ci95High(), n);
    }

    /** Relative size below which two values count as equal (12 significant digits). */
    public static final double RESOLUTION = 1e-12;

    /** {@code option - base}, or 0 within {@link #RESOLUTION} of the larger magnitude. */
    static double difference(double base, double option) {
        double d = option - base;
        return Math.abs(d) <= RESOLUTION * Math.max(Math.abs(base), Math.abs(option)) ? 0 : d;
    }

    /** True when the interval lies wholly above or wholly below zero. */
    public boolean excludesZero() {
        return diffCi95Low > 0 || diffCi95High < 0;
    }

    /** Half the width of the interval; NaN without one. */
    public double halfWidth() {
        return (diffCi95High - diffCi95Low) / 2;
    }
}
