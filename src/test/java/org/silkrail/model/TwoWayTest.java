package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.engine.RandomStreams;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

/**
 * Two-way traffic, per-direction nodes and transshipment in TEU, run from scenario files
 * ({@code src/test/resources/model/*.yaml}) through the loader and the whole model.
 */
class TwoWayTest {
    static final Path DIR = Path.of("src/test/resources/model");

    static ReplicationResult run(String file, int replication, String... sets) throws Exception {
        ModelSpec spec = ScenarioLoader.load(DIR.resolve(file), List.of(sets)).model();
        return new RailModel(spec, Network.build(spec.network()).compile())
                .runReplication(replication, new RandomStreams(spec.run().seed()));
    }

    static double perDay(long count, ReplicationResult r) {
        return count / r.measuredDays();
    }

    @Test
    void perDirectionQuota_bothDirectionsOverloaded_eachCappedAtItsOwnQuota() throws Exception {
        ReplicationResult r = run("two-way-quota.yaml", 0);

        ReplicationResult.NodeResult border = r.nodes().get("B");
        ReplicationResult.NodeResult west = border.directions().get("west");
        ReplicationResult.NodeResult east = border.directions().get("east");
        // every train of a direction passes the border once: its TEU per day over its TEU
        // per train are its trains handed over per day, the direction's quota
        assertThat(west.teuPerDay() / 100).isCloseTo(5, within(0.05));
        assertThat(east.teuPerDay() / 100).isCloseTo(3, within(0.05));
        assertThat(perDay(r.flows().get("westbound").trainsDelivered(), r))
                .isCloseTo(5, within(0.1));
        assertThat(perDay(r.flows().get("eastbound").trainsDelivered(), r))
                .isCloseTo(3, within(0.1));
        assertThat(west.quotaHits()).isPositive();
        assertThat(east.quotaHits()).isPositive();
        // empties travel and are handled, but are not freight
        assertThat(r.flows().get("eastbound").emptyTeuDelivered())
                .isEqualTo(40.0 * r.flows().get("eastbound").trainsDelivered());
        assertThat(r.flows().get("eastbound").teuDelivered())
                .isEqualTo(60.0 * r.flows().get("eastbound").trainsDelivered());
        assertThat(r.flows().get("eastbound").from()).isEqualTo("EU");
        assertThat(r.flows().get("eastbound").to()).isEqualTo("CN");
    }

    @Test
    void nodeQuota_withoutDirections_capsBothDirectionsTogether() throws Exception {
        ReplicationResult r = run("two-way-quota.yaml", 0, "network.nodes.B.directions=null",
                "network.nodes.B.quota=8/day");

        ReplicationResult.NodeResult border = r.nodes().get("B");
        assertThat(border.teuPerDay() / 100).isCloseTo(8, within(0.05));
        // the directions of one station add up to the node
        Map<String, ReplicationResult.NodeResult> dirs = border.directions();
        assertThat(dirs.get("west").arrivals() + dirs.get("east").arrivals())
                .isEqualTo(border.arrivals());
        assertThat(dirs.get("west").quotaHits() + dirs.get("east").quotaHits())
                .isEqualTo(border.quotaHits());
        assertThat(dirs.get("west").utilization() + dirs.get("east").utilization())
                .isCloseTo(border.utilization(), within(1e-9));
        assertThat(dirs.get("west").queueMean() + dirs.get("east").queueMean())
                .isCloseTo(border.queueMean(), within(1e-9));
    }

    @ParameterizedTest(name = "{0} cranes at {1}, yard {2}: {3} TEU/day")
    @CsvSource({
        "3, 5/h, 0, 360",        // k · r · 24
        "7, 4.5/h, 0, 756",      // Dostyk's 7 areas: 760 TEU/day [S13]
        "1, 720/day, 0, 720",
        "5, 5/h, 100, 120"       // a 100-TEU yard holds one train at a time: one crane's worth
    })
    void cranes_overloaded_moveKTimesRTimes24TeuPerDay(int cranes, String rate, int yard,
            double teuPerDay) throws Exception {
        String[] sets = yard > 0
                ? new String[] {"network.nodes.Y.cranes=" + cranes,
                        "network.nodes.Y.handling=" + rate, "network.nodes.Y.yard_teu=" + yard,
                        "demand.loaded.teu=100", "demand.loaded.empty_teu=0"}
                : new String[] {"network.nodes.Y.cranes=" + cranes,
                        "network.nodes.Y.handling=" + rate};
        ReplicationResult r = run("crane-yard.yaml", 0, sets);

        ReplicationResult.NodeResult y = r.nodes().get("Y");
        // the trains in handling at either end of the window are the only slack
        assertThat(y.teuPerDay()).isCloseTo(teuPerDay, withPercentage(1.5));
        assertThat(y.utilization()).isCloseTo(yard > 0 ? 1.0 / cranes : 1.0, within(0.01));
        // never more than capacity, but for the trains in handling when the window opened
        assertThat(y.teuPerDay()).isLessThanOrEqualTo(teuPerDay + cranes * 120 / r.measuredDays());
    }

    @Test
    void cranes_handlingTime_isTeuOverRate() throws Exception {
        ReplicationResult r = run("crane-yard.yaml", 0, "demand.loaded.trains=poisson(1/day)",
                "demand.loaded.teu=90", "demand.loaded.empty_teu=10");

        // 100 TEU at 5 TEU/h: 20 h for every train
        assertThat(r.nodes().get("Y").processHours()).isCloseTo(20, within(1e-9));
    }

    /** The shipped gauge changes hold the reference's transshipment capacities (§3.1, §3.2, §3.5). */
    @Test
    void shippedGaugeChanges_reproduceReferenceCapacities() throws Exception {
        var nodes = ScenarioLoader.load(Path.of("scenarios/baseline-2025.yaml")).model()
                .network().nodes();
        for (org.silkrail.network.Direction d : org.silkrail.network.Direction.values()) {
            var dostyk = nodes.get("DOS").processing(d);
            double perTrackTeuPerDay = dostyk.teuPerServerHour() * 24;
            // Dostyk station: 760 TEU/day on its 2 tracks [S13]; TransTerminal: up to 12
            // trains/day of 100 TEU [S16][S110] on the other 3
            assertThat(2 * perTrackTeuPerDay).isCloseTo(760, withPercentage(1.5));
            assertThat((dostyk.servers() - 2) * perTrackTeuPerDay / 100).isCloseTo(12,
                    withPercentage(5));
            assertThat(dostyk.quotaPerDay()).isEqualTo(28); // exchange agreement [S14]
            // Khorgos Gateway: 19–20 trains/day of 100 TEU [S17]
            var altynkol = nodes.get("ALT").processing(d);
            assertThat(altynkol.servers() * altynkol.teuPerServerHour() * 24 / 100)
                    .isBetween(19.0, 20.0);
            // Małaszewicze: 14 broad-gauge pairs/day [S37][S38], by the quota
            assertThat(nodes.get("MAL").processing(d).quotaPerDay()).isEqualTo(14);
        }
    }

    @Test
    void heavyTwoWaySingleTrack_betweenDirectionalYards_everyTrainGetsThrough()
            throws Exception {
        for (int replication = 0; replication < 3; replication++) {
            ReplicationResult r = run("two-way-single-track.yaml", replication);

            ReplicationResult.Totals totals = r.totals();
            assertThat(totals.trainsGeneratedAll())
                    .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
            // no deadlock: what is left at the end is about a day's traffic, not a pile
            assertThat(totals.trainsInSystemAtEnd()).isLessThan(40);
            for (String flow : List.of("westbound", "eastbound")) {
                ReplicationResult.FlowResult f = r.flows().get(flow);
                assertThat(perDay(f.trainsDelivered(), r)).as(flow).isCloseTo(20, within(1.0));
                assertThat(Arrays.stream(f.transitDays()).max().orElseThrow()).as(flow)
                        .isLessThan(3);
            }
            assertThat(r.links().get("A-B").waitHours()).isPositive();
            assertThat(r.nodes().get("A").directions().keySet())
                    .containsExactly("west", "east");
        }
    }
}
