package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Priorities}: dense levels from the flows' priorities, highest first. */
class PrioritiesTest {
    private static FlowSpec flow(String id, int priority, boolean background) {
        return new FlowSpec(id, "A", "B", new ArrivalSpec.Every(3600), Models.fixed(1), null, null,
                new RoutePolicy.Fastest(), priority, background);
    }

    @Test
    void levels_fourFlowsThreePriorities_rankHighestFirstAndKeepDeclarationOrder() {
        Priorities p = new Priorities(List.of(flow("a", 0, false), flow("b", 5, false),
                flow("c", -1, true), flow("d", 5, false)));

        assertThat(p.levels).isEqualTo(3);
        assertThat(p.prioritized()).isTrue();
        assertThat(p.flowLevel).containsExactly(1, 0, 2, 0);
        assertThat(p.flowsByLevel).containsExactly(1, 3, 0, 2);
        assertThat(p.flowBackground).containsExactly(false, false, true, false);
        assertThat(p.anyBackground).isTrue();
    }

    @Test
    void levels_onePriorityEverywhere_oneLevelInDeclarationOrder() {
        Priorities p = new Priorities(List.of(flow("a", 7, false), flow("b", 7, false)));

        assertThat(p.levels).isEqualTo(1);
        assertThat(p.prioritized()).isFalse();
        assertThat(p.flowLevel).containsExactly(0, 0);
        assertThat(p.flowsByLevel).containsExactly(0, 1);
        assertThat(p.anyBackground).isFalse();
    }
}
