package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.model;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.RandomStreams;

/**
 * Rolling stock: finite fleets that trains take, give back and wait for, checked against
 * Little's law on the fleet and against conservation of units.
 */
class FleetTest {

    private static Area nodes(String... ids) {
        return new Area(Set.of(ids), Set.of(), 0);
    }

    /**
     * A closed loop A → B of 600 km at 60 km/h (10 h), no processing, and a fleet of
     * {@code units} sets serving it that run back empty in the reverse running time (10 h): a
     * set's turnaround is T = 20 h, so the loop carries at most units / T trains.
     */
    private static Models loop(int units, double trainsPerDay) {
        return model().junction("A").junction("B").rail("A", "B", 600, 60)
                .flow("f", "A", "B", poissonPerDay(trainsPerDay), fixed(100))
                .fleet(new FleetSpec("sets", FleetSpec.Kind.WAGONS, units, nodes("A", "B"),
                        FleetSpec.REVERSE))
                .run(200 * DAY, 20 * DAY);
    }

    @Test
    void closedLoop_overloaded_carriesUnitsOverTurnaround() {
        // W = 5 sets, T = 20 h: at most 6 trains/day; 12/day are offered
        ReplicationResult r = loop(5, 12).runOnce(0);

        double perDay = r.totals().trainsDelivered() / r.measuredDays();
        assertThat(perDay).isCloseTo(6.0, within(0.05));
        // the bound holds in the window: W sets can add at most W trains to W/T per day
        assertThat(r.totals().trainsDelivered()).isLessThanOrEqualTo(
                (long) Math.ceil(6.0 * r.measuredDays()) + 5);
        ReplicationResult.FleetResult sets = r.fleets().get("sets");
        assertThat(sets.utilization()).isCloseTo(1.0, within(0.001));
        assertThat(sets.waitHours()).isGreaterThan(24);
        // Little's law: units in use = trains per hour × 10 h on the line
        assertThat(sets.inUseMean()).isCloseTo(perDay / 24 * 10, within(0.05));
        assertThat(sets.returningMean()).isCloseTo(perDay / 24 * 10, within(0.05));
    }

    @Test
    void closedLoop_underloaded_utilizationIsArrivalRateTimesTurnaroundOverUnits() {
        // λ = 3/day, T = 20 h, W = 10: λT/W = 3 × 20/24 / 10 = 0.25
        ReplicationResult r = loop(10, 3).runOnce(0);

        ReplicationResult.FleetResult sets = r.fleets().get("sets");
        double lambdaPerHour = r.totals().trainsDelivered() / (r.measuredDays() * 24);
        assertThat(sets.utilization()).isCloseTo(lambdaPerHour * 20 / 10, within(0.01));
        assertThat(sets.utilization()).isCloseTo(0.25, within(0.02));
        assertThat(sets.waitHours()).isLessThan(0.01);
        assertThat(sets.size()).isEqualTo(10);
        assertThat(sets.kind()).isEqualTo("wagons");
    }

    @Test
    void fleetNeverShort_transitTimesEqualTheFleetFreeRun() {
        Models without = model().station("A", 2, fixed(5 * HOUR)).junction("B")
                .station("C", 2, Models.exp(4 * HOUR)).rail("A", "B", 300, 60)
                .rail("B", "C", 400, 50)
                .flow("f", "A", "C", poissonPerDay(6), Models.exp(100))
                .flow("g", "C", "A", poissonPerDay(4), fixed(80))
                .run(100 * DAY, 10 * DAY);
        ReplicationResult before = without.runOnce(3);
        ReplicationResult after = without
                .fleet(new FleetSpec("sets", FleetSpec.Kind.WAGONS, 500, nodes("A", "B", "C"),
                        FleetSpec.REVERSE))
                .fleet(new FleetSpec("locos", FleetSpec.Kind.LOCOMOTIVES, 500, nodes("B", "C"),
                        12 * HOUR))
                .runOnce(3);

        assertThat(after.totals().transitDays()).containsExactly(before.totals().transitDays());
        assertThat(before.fleets()).isEmpty();
        assertThat(after.fleets()).containsOnlyKeys("sets", "locos");
        assertThat(after.fleets().get("locos").waitHours()).isZero();
    }

    @Test
    void twoWay_unitsGivenBackWhereTrainsWait_carryTheOtherDirection() {
        // 2 sets, 10 h each way; trains both ways every 12 h: a set released at B goes
        // straight to the train waiting there instead of running back empty
        Models m = model().junction("A").junction("B").rail("A", "B", 600, 60)
                .flow("west", "A", "B", Models.every(12 * HOUR), fixed(100))
                .flow("east", "B", "A", Models.every(12 * HOUR), fixed(100))
                .fleet(new FleetSpec("sets", FleetSpec.Kind.WAGONS, 2, nodes("A", "B"),
                        FleetSpec.REVERSE))
                .run(60 * DAY, 5 * DAY);
        ReplicationResult r = m.runOnce(0);

        ReplicationResult.FleetResult sets = r.fleets().get("sets");
        assertThat(sets.returningMean()).isLessThan(0.01);
        assertThat(sets.inUseMean()).isCloseTo(2 * 10.0 / 12, within(0.05));
        assertThat(r.totals().trainsDelivered() / r.measuredDays()).isCloseTo(4, within(0.1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomTwoWayNetwork_unitsAtEnd_equalUnitsAtStart(long seed) {
        // demand stops after 60 days of 240; tight fleets (trains wait for them), a
        // re-forming side whose trains take several sets: every unit is back at a depot at
        // the end, and none was made or lost
        Models m = model().station("A", 3, Models.exp(6 * HOUR)).junction("B")
                .station("C", 2, Models.exp(5 * HOUR)).junction("D").station("E", 3, fixed(HOUR))
                .rail("A", "B", 500, 60).rail("B", "C", 300, 50).rail("C", "D", 200, 40)
                .rail("D", "E", 400, 60)
                .flow("ae", "A", "E", new ArrivalSpec.Schedule(times(seed, 0), 0), Models.exp(100))
                .flow("ea", "E", "A", new ArrivalSpec.Schedule(times(seed, 1), 0), fixed(90))
                .flow("bd", "B", "D", new ArrivalSpec.Schedule(times(seed, 2), 0), fixed(70))
                .fleet(new FleetSpec("broad", FleetSpec.Kind.WAGONS, 7, nodes("A", "B", "C"),
                        FleetSpec.REVERSE))
                .fleet(new FleetSpec("std", FleetSpec.Kind.WAGONS, 9, nodes("C", "D", "E"),
                        30 * HOUR))
                // locomotive stretches inside the wagon stretches, as in the shipped fleets
                .fleet(new FleetSpec("locos", FleetSpec.Kind.LOCOMOTIVES, 4,
                        nodes("A", "B", "C"), FleetSpec.REVERSE))
                .fleet(new FleetSpec("locos-2", FleetSpec.Kind.LOCOMOTIVES, 6,
                        nodes("D", "E"), 20 * HOUR))
                .reform(new ReformSpec("C", 60, nodes("C", "D", "E")))
                .seed(seed).run(240 * DAY, 0);
        RailModel model = m.build();
        Replication rep = model.newReplication(0, new RandomStreams(seed));
        ReplicationResult r = rep.run();

        FleetPlan stock = model.plan().stock;
        for (int f = 0; f < stock.fleetCount; f++) {
            assertThat(rep.fleets.unitsCounted(f)).as(stock.fleetIds[f])
                    .isEqualTo(stock.fleetSize[f]);
            assertThat(rep.fleets.inUse(f)).isZero();
            assertThat(rep.fleets.returning(f)).isZero();
        }
        assertThat(r.totals().trainsInSystemAtEnd()).isZero();
        assertThat(r.totals().trainsDeliveredAll()).isEqualTo(r.totals().trainsGeneratedAll());
        assertThat(r.fleets().values()).anyMatch(fleet -> fleet.trainsWaited() > 10);
        // delay attribution: rolling-stock waits are their own cause, and every train's parts
        // still add up to its transit time
        assertThat(rep.delays.unbalancedTrains()).isZero();
        assertThat(r.flows().get("ae").timeBreakdownHours().get("rolling_stock")).isPositive();
        ReplicationResult.ReformResult reformed = r.reforming().get("C");
        assertThat(reformed.sideTrains()).isGreaterThanOrEqualTo(reformed.trains());
        assertThat(reformed.sideTrains()).isGreaterThanOrEqualTo(
                (long) Math.floor(reformed.teu() / 60 - 1));
    }

    /**
     * Depots A and B share most of the traffic, S is a small remote depot whose trains take
     * units and none come back: every unit given back where nobody waits for it goes to the
     * depot furthest below its share relative to that share. A large depot a few units short
     * must not keep a small one empty (the 10 h waits once seen at Kuryk: a share of two
     * locomotives beside Dostyk's hundred).
     */
    @Test
    void giveBack_smallDepotBesideLargeShortOnes_refilledByRelativeShortfall() {
        // A→B 20/day, B→A 18/day, S→B 1/day; 10 h A–B, 20 h S–B; shares ≈ A 40, B 36, S 2:
        // B gives back 3 units a day more than it takes, A lacks 2 a day and S 1 a day
        Models m = model().junction("A").junction("B").junction("S")
                .rail("A", "B", 600, 60).rail("B", "S", 1200, 60)
                .flow("ab", "A", "B", poissonPerDay(20), fixed(100))
                .flow("ba", "B", "A", poissonPerDay(18), fixed(100))
                .flow("sb", "S", "B", poissonPerDay(1), fixed(100))
                .fleet(new FleetSpec("sets", FleetSpec.Kind.WAGONS, 78, nodes("A", "B", "S"),
                        FleetSpec.REVERSE))
                .run(400 * DAY, 20 * DAY);
        double small = 0;
        double large = 0;
        for (int rep = 0; rep < 4; rep++) {
            ReplicationResult r = m.runOnce(rep);
            small += r.flows().get("sb").timeBreakdownHours().get("rolling_stock") / 4;
            large += r.flows().get("ab").timeBreakdownHours().get("rolling_stock") / 4;
        }

        // by shortfall in units S stayed empty and each of its trains waited a full 20 h empty
        // run from B (measured 20.0 h); relative to the shares, 8.7 h: refills start at once
        assertThat(small).isLessThan(12.0);
        assertThat(large).isLessThan(small);
    }


    /**
     * Two depots that no route joins run units to each other over the fleet's links by the
     * shortest way, not along the fleet's longest stretch: S and H lie 2 h apart, while the
     * only stretches run S–H–F (42 h) and H–F (40 h).
     */
    @Test
    void depotTravel_depotsNoRouteJoins_shortestRunningTimeOverTheFleetsLinks() {
        Models m = model().junction("H").junction("S").junction("F")
                .rail("H", "S", 100, 50).rail("H", "F", 2000, 50)
                .flow("s", "S", "F", poissonPerDay(4), fixed(100))
                .flow("h", "H", "F", poissonPerDay(1), fixed(100))
                .fleet(new FleetSpec("sets", FleetSpec.Kind.WAGONS, 20, nodes("H", "S", "F"),
                        FleetSpec.REVERSE))
                .fleet(new FleetSpec("locos", FleetSpec.Kind.LOCOMOTIVES, 20,
                        nodes("H", "S", "F"), 30 * HOUR))
                .run(20 * DAY, 0);
        Plan built = m.build().plan();
        FleetPlan plan = built.stock;
        int s = -1;
        int h = -1;
        int locoS = -1;
        int locoH = -1;
        for (int d = 0; d < plan.depotCount; d++) {
            String node = built.nodeIds[plan.depotNode[d]];
            boolean wagons = plan.fleetIds[plan.depotFleet[d]].equals("sets");
            if (wagons && node.equals("S")) {
                s = d;
            } else if (wagons && node.equals("H")) {
                h = d;
            } else if (node.equals("S")) {
                locoS = d;
            } else if (node.equals("H")) {
                locoH = d;
            }
        }

        assertThat(plan.depotTravelSeconds[s][h]).isEqualTo(2 * HOUR);
        assertThat(plan.depotTravelSeconds[h][s]).isEqualTo(2 * HOUR);
        // a fixed return time stays the fixed return time
        assertThat(plan.depotTravelSeconds[locoS][locoH]).isEqualTo(30 * HOUR);
    }


    /** 80 random departure times in the first 60 days, per seed and flow. */
    private static long[] times(long seed, int flow) {
        java.util.Random random = new java.util.Random(seed * 31 + flow);
        long[] t = new long[80];
        for (int i = 0; i < t.length; i++) {
            t[i] = (long) (random.nextDouble() * 60 * DAY);
        }
        Arrays.sort(t);
        return t;
    }

    @Test
    void inOverload_midRun_conservationHolds_andTrainsWaitingAreCounted() {
        Models m = loop(3, 20);
        RailModel model = m.build();
        Replication rep = model.newReplication(0, new RandomStreams(7));
        ReplicationResult r = rep.run();

        assertThat(rep.fleets.unitsCounted(0)).isEqualTo(3);
        assertThat(r.totals().trainsGeneratedAll()).isEqualTo(
                r.totals().trainsDeliveredAll() + r.totals().trainsInSystemAtEnd());
        assertThat(r.totals().trainsInSystemAtEnd()).isGreaterThan(1000);
    }

    @Test
    void reforming_trainsOf110Teu_make131TrainsOf84Teu_andTakeOneSetEach() {
        // §8.1: 55 FEU broad-gauge trains into 42 FEU EU trains; the EU sets serve M → E
        Models m = model().junction("B").junction("M").junction("E")
                .rail("B", "M", 100, 50).rail("M", "E", 500, 50)
                .flow("f", "B", "E", poissonPerDay(10), fixed(110))
                .reform(new ReformSpec("M", 84, nodes("M", "E")))
                .fleet(new FleetSpec("eu", FleetSpec.Kind.WAGONS, 100, nodes("M", "E"),
                        FleetSpec.REVERSE))
                .run(200 * DAY, 10 * DAY);
        ReplicationResult r = m.runOnce(0);

        ReplicationResult.ReformResult reformed = r.reforming().get("M");
        assertThat((double) reformed.sideTrains() / reformed.trains())
                .isCloseTo(110.0 / 84, within(0.01));
        assertThat(reformed.teu()).isEqualTo(110.0 * reformed.trains());
        // TEU are conserved: every train is delivered with its 110 TEU
        assertThat(r.totals().teuDelivered()).isEqualTo(110.0 * r.totals().trainsDelivered());
        long taken = r.fleets().get("eu").unitsTaken();
        assertThat((double) taken).isCloseTo(reformed.sideTrains(), within(2.0));
    }

    @Test
    void sameSeed_sameFleetResults() {
        ReplicationResult a = loop(4, 8).runOnce(2);
        ReplicationResult b = loop(4, 8).runOnce(2);

        assertThat(a.fleets()).isEqualTo(b.fleets());
        assertThat(a.totals().transitDays()).containsExactly(b.totals().transitDays());
        assertThat(a.events()).isEqualTo(b.events());
    }
}
