package org.silkrail.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitHistogramsTest {
    @Test
    void of_rangeOf30Days_takesOneDayBinsFromAWholeDay() {
        // 1.3 … 31.7 days: quarter days would need 122 bins and half days 62, over the 60 allowed
        Map<String, List<double[]>> flows = new LinkedHashMap<>();
        flows.put("a", List.of(new double[] {1.3, 2.0, 2.99}, new double[] {31.7}));
        flows.put("b", List.of(new double[] {10.5, Double.NaN}));

        TransitHistograms h = TransitHistograms.of(flows);

        assertThat(h.binDays()).isEqualTo(1.0);
        assertThat(h.startDays()).isEqualTo(1.0);
        assertThat(h.bins()).isEqualTo(31);
        long[] a = h.counts().get("a");
        assertThat(a[0]).isEqualTo(1); // 1.3 in [1, 2)
        assertThat(a[1]).isEqualTo(2); // 2.0 and 2.99 in [2, 3)
        assertThat(a[30]).isEqualTo(1); // 31.7 in [31, 32)
        assertThat(h.counts().get("b")[9]).isEqualTo(1); // NaN left out
        assertThat(h.counts().get("b")).containsOnly(0L, 1L);
    }

    @Test
    void of_narrowRange_takesQuarterDays() {
        TransitHistograms h = TransitHistograms.of(Map.of("a",
                List.<double[]>of(new double[] {9.1, 9.3, 12.6})));

        assertThat(h.binDays()).isEqualTo(0.25);
        assertThat(h.startDays()).isEqualTo(9.0);
        assertThat(h.counts().get("a")).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                1);
    }

    @Test
    void of_flowWithoutObservations_isLeftOut() {
        Map<String, List<double[]>> flows = new LinkedHashMap<>();
        flows.put("none", List.of(new double[0], new double[] {Double.NaN}));
        flows.put("some", List.of(new double[] {5}));

        TransitHistograms h = TransitHistograms.of(flows);

        assertThat(h.counts()).containsOnlyKeys("some");
        assertThat(h.counts().get("some")).containsExactly(1);
    }
}
