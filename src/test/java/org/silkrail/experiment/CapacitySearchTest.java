package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/**
 * {@link CapacitySearch} against queueing theory: a station of {@code c} exponential servers of
 * rate {@code μ} fed by Poisson trains of rate {@code λ} is stable exactly while
 * {@code λ < c·μ}, so the largest stable {@code demand_scale} is {@code c·μ/λ}.
 */
class CapacitySearchTest {
    static final Path MMC = Path.of("src/test/resources/capacity/mmc.yaml");
    static final Path SERIES = Path.of("src/test/resources/capacity/series.yaml");

    static CapacitySearch.Result search(Path file, int threads, String... sets)
            throws ScenarioException {
        List<String> overrides = new java.util.ArrayList<>(List.of(sets));
        overrides.add("demand_scale=1");
        Scenario s = ScenarioLoader.load(file, overrides);
        return CapacitySearch.run(new CapacitySearch.Request(new ScenarioRun.Request(s.id(),
                s.title(), s.inputSha256(), s.model(), s.model().run().replications(),
                s.model().run().seed(), threads), 1, 0.01), "test", CapacitySearch.Progress.NONE);
    }

    @Test
    void maxScale_demandNearTheTrainLimit_stopsWhereAReplicationWouldHoldTenMillionTrains()
            throws ScenarioException {
        Scenario small = ScenarioLoader.load(MMC);
        Scenario large = ScenarioLoader.load(MMC,
                List.of("demand.through.trains=poisson(2500/day)"));

        // 20/day × 400 d = 8,000 trains: 1250× would reach 10^7, so the fixed bound 1024 holds
        assertThat(CapacitySearch.maxScale(small.model())).isEqualTo(1024.0);
        // 2500/day × 400 d = 10^6 trains: 10× reaches the 10^7 trains a replication may hold
        assertThat(CapacitySearch.maxScale(large.model())).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void run_mmcStation_findsCMuOverLambdaAndNamesTheStation() throws ScenarioException {
        CapacitySearch.Result result = search(MMC, 2);

        // c·μ/λ = 2 · 12/day / 20/day = 1.2 (mmc.yaml); a few percent: the test flags a
        // utilisation of 0.99, and a year of trains estimates it to about ±1 %
        assertThat(result.demandScale().mean()).isCloseTo(1.2, within(0.05));
        assertThat(result.demandScale().ci95Low()).isLessThan(result.demandScale().mean());
        assertThat(result.demandScale().ci95High()).isGreaterThan(result.demandScale().mean());
        assertThat(result.demandScale().n()).isEqualTo(6);
        assertThat(result.bottleneck()).isEqualTo("S");
        assertThat(result.bottleneckIsLink()).isFalse();
    }

    @Test
    void run_twoStationsInSeries_findsTheSlowerOne() throws ScenarioException {
        CapacitySearch.Result result = search(SERIES, 2);

        // S2: μ = 16/day, λ = 10/day → 1.6; S1 alone would sustain 2.4 (series.yaml)
        assertThat(result.demandScale().mean()).isCloseTo(1.6, within(0.065));
        assertThat(result.bottleneck()).isEqualTo("S2");
        assertThat(result.bottleneckVotes()).containsOnlyKeys("S2");
    }

    @Test
    void run_eachReplication_bracketsItsCapacityWithinTheTolerance() throws ScenarioException {
        CapacitySearch.Result result = search(MMC, 1, "replications=2", "horizon=120d");

        for (CapacitySearch.ReplicationSearch r : result.replications()) {
            assertThat(r.unstableAt() / r.stableAt()).isLessThanOrEqualTo(1.01);
            assertThat(r.demandScale()).isBetween(r.stableAt(), r.unstableAt());
            // every trial below the stable bound was stable, every one above the unstable
            // bound unstable: the search's record agrees with its bracket
            for (CapacitySearch.Trial t : r.tried()) {
                if (t.demandScale() <= r.stableAt()) {
                    assertThat(t.stable()).as("scale %s", t.demandScale()).isTrue();
                } else {
                    assertThat(t.stable()).as("scale %s", t.demandScale()).isFalse();
                }
            }
            assertThat(r.tried().get(0).demandScale()).isEqualTo(1.0);
        }
    }

    @Test
    void run_oneOrTwoThreads_sameResult() throws ScenarioException {
        CapacitySearch.Result one = search(SERIES, 1, "replications=3", "horizon=120d");
        CapacitySearch.Result two = search(SERIES, 2, "replications=3", "horizon=120d");

        assertThat(two.replications()).isEqualTo(one.replications());
        assertThat(two.demandScale()).isEqualTo(one.demandScale());
    }
}
