package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void format_integersAndDecimals_plainWithoutTrailingZeros() {
        assertThat(Numbers.format(2555.0)).isEqualTo("2555");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(13.25)).isEqualTo("13.25");
        assertThat(Numbers.format(0.1)).isEqualTo("0.1");
        assertThat(Numbers.format(0.000125)).isEqualTo("0.000125");
        assertThat(Numbers.format(1.5e-9)).isEqualTo("0.0000000015");
    }

    @Test
    void format_longFraction_roundsToTwelveSignificantDigits() {
        assertThat(Numbers.format(1.0 / 3)).isEqualTo("0.333333333333");
        assertThat(Numbers.format(2.0 / 3 * 1000)).isEqualTo("666.666666667");
        assertThat(Numbers.format(254321.123456789)).isEqualTo("254321.123457");
    }

    @Test
    void format_nonFinite_isEmpty() {
        assertThat(Numbers.format(Double.NaN)).isEmpty();
        assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(Numbers.decimal(Double.NaN)).isNull();
    }
}
