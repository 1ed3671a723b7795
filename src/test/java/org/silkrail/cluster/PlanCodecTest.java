package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.SweepPlan;

class PlanCodecTest {

    @Test
    void decode_encoded_equalPlan() throws Exception {
        SweepPlan plan = TestPlans.corridor("codec", 90, 3);
        assertThat(PlanCodec.decode(PlanCodec.encode(plan))).isEqualTo(plan);
    }

    @Test
    void sha256_equalPlansEqualOtherPlansDiffer() throws Exception {
        String a = PlanCodec.sha256(PlanCodec.encode(TestPlans.corridor("codec", 90, 3)));
        assertThat(PlanCodec.sha256(PlanCodec.encode(TestPlans.corridor("codec", 90, 3))))
                .isEqualTo(a).hasSize(64);
        assertThat(PlanCodec.sha256(PlanCodec.encode(TestPlans.corridor("codec", 91, 3))))
                .isNotEqualTo(a);
        assertThat(PlanCodec.sha256(PlanCodec.encode(TestPlans.corridor("codec", 90, 4))))
                .isNotEqualTo(a);
    }

    @Test
    void decode_truncatedOrForeignBytes_refused() throws Exception {
        byte[] bytes = PlanCodec.encode(TestPlans.corridor("codec", 90, 3));
        assertThatThrownBy(() -> PlanCodec.decode(Arrays.copyOf(bytes, bytes.length - 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanCodec.decode(new byte[] {1, 2, 3, 4, 5}))
                .hasMessageContaining("not a silkrail plan");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> PlanCodec.decode(longer)).hasMessageContaining("trailing");
    }
}
