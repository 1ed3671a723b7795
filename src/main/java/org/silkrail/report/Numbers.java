package org.silkrail.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of every output file: at most 12 significant digits, '.' as decimal
 * separator, no exponent, no trailing zeros, integers without a fraction ({@code 2555},
 * {@code 13.2417}, {@code 0.000125}); NaN and infinities have no number (JSON {@code null},
 * an empty CSV field).
 *
 * <p>Why not {@code Double.toString}: its digits changed between JDK 17 and 19 for some values
 * (JDK-4511638), and 17 digits of a simulated mean are noise. Rounding the exact binary value
 * half-even to 12 digits gives the same text on every JVM and locale.
 */
public final class Numbers {
    private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final double EXACT_LONG = 1e15;

    private Numbers() {
    }

    /** The value as written, or {@code null} for NaN and infinities. */
    public static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG) {
            return BigDecimal.valueOf((long) value); // also turns -0.0 into 0
        }
        BigDecimal d = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    /** The value's text, or the empty string for NaN and infinities. */
    public static String format(double value) {
        BigDecimal d = decimal(value);
        return d == null ? "" : d.toPlainString();
    }
}
