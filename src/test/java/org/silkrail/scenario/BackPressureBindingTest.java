package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.scenario.DirectionsBindingTest.load;
import static org.silkrail.scenario.DirectionsBindingTest.problems;

import org.junit.jupiter.api.Test;
import org.silkrail.model.AcceptanceSpec;

/** Binding of a node's {@code yard} and {@code ban} (back-pressure). */
class BackPressureBindingTest {

    @Test
    void bind_yardAndBan_giveTheNodesAcceptance() throws ScenarioException {
        AcceptanceSpec c = load("network.nodes.C.yard=40",
                "network.nodes.C.ban={at: 30, lift: 12, policy: refuse}").acceptance().get("C");

        assertThat(c).isEqualTo(new AcceptanceSpec("C", 40, 30, 12, true));
    }

    @Test
    void bind_banWithoutLiftOrPolicy_liftsAtHalfAndHolds() throws ScenarioException {
        AcceptanceSpec c = load("network.nodes.C.ban={at: 25}").acceptance().get("C");

        assertThat(c).isEqualTo(new AcceptanceSpec("C", 0, 25, 12, false));
    }

    @Test
    void bind_noYardNorBan_noAcceptance() throws ScenarioException {
        assertThat(load().acceptance()).isEmpty();
    }

    @Test
    void bind_liftNotBelowAt_reportsTheLift() {
        assertThat(problems("network.nodes.C.ban={at: 10, lift: 10}"))
                .singleElement().asString()
                .contains("network.nodes.C.ban.lift: lift must be below at (10)");
    }

    @Test
    void bind_banAboveYard_reportsTheBan() {
        assertThat(problems("network.nodes.C.yard=20", "network.nodes.C.ban={at: 30}"))
                .singleElement().asString()
                .contains("network.nodes.C.ban.at: a ban at 30 waiting trains never starts in a"
                        + " yard of 20");
    }

    @Test
    void bind_yardOnAJunction_reportsThatNoTrainWaitsThere() {
        assertThat(problems("network.nodes.B.yard=20")).singleElement().asString()
                .contains("network.nodes.B.yard: yard and ban act on the trains waiting at a"
                        + " node; this node has none");
    }

    @Test
    void bind_unknownPolicy_reportedByTheSchema() {
        assertThat(problems("network.nodes.C.ban={at: 10, policy: wait}")).singleElement()
                .asString().contains("network.nodes.C.ban.policy");
    }
}
