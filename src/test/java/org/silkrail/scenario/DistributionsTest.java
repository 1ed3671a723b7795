package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.Distribution;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.network.DepartureRule;
import org.silkrail.scenario.Distributions.Quantity;

class DistributionsTest {
    static final double H = 3600;
    static final double D = 86_400;

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("fixed(6h)", new Distribution.Fixed(6 * H)),
                Arguments.of("6h", new Distribution.Fixed(6 * H)),
                Arguments.of("0", new Distribution.Fixed(0)),
                Arguments.of("exp(240d)", new Distribution.Exponential(240 * D)),
                Arguments.of("lognormal(6h, 3h)", new Distribution.LogNormal(6 * H, 3 * H)),
                Arguments.of("lognormal(30h,24h)", new Distribution.LogNormal(30 * H, 24 * H)),
                Arguments.of("gamma(8h, 4h)", new Distribution.Gamma(8 * H, 4 * H)),
                Arguments.of("uniform(1h, 90min)", new Distribution.Uniform(H, 1.5 * H)),
                Arguments.of("triangular(2h, 4h, 8h)",
                        new Distribution.Triangular(2 * H, 4 * H, 8 * H)),
                Arguments.of("normal(22h, 4h)", new Distribution.Normal(22 * H, 4 * H)),
                Arguments.of("erlang(3, 6h)", new Distribution.Erlang(3, 6 * H)),
                Arguments.of("empirical([4h, 5h, 7h])",
                        new Distribution.Empirical(new double[] {4 * H, 5 * H, 7 * H})),
                Arguments.of("empirical(4h, 5h)",
                        new Distribution.Empirical(new double[] {4 * H, 5 * H})),
                Arguments.of("  lognormal ( 1.5h , 30min )  ",
                        new Distribution.LogNormal(1.5 * H, 0.5 * H)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void parse_durationForms_giveSeconds(String text, Distribution expected)
            throws ValueSyntaxException {
        assertThat(Distributions.parse(text, Quantity.DURATION)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void format_durationDistribution_roundTrips(String text, Distribution expected)
            throws ValueSyntaxException {
        String formatted = Distributions.format(expected, Quantity.DURATION);
        assertThat(Distributions.parse(formatted, Quantity.DURATION)).isEqualTo(expected);
    }

    @Test
    void format_lognormalHours_usesScenarioUnits() {
        assertThat(Distributions.format(new Distribution.LogNormal(6 * H, 3 * H),
                Quantity.DURATION)).isEqualTo("lognormal(6h, 3h)");
        assertThat(Distributions.format(new Distribution.Uniform(90, 110), Quantity.PLAIN))
                .isEqualTo("uniform(90, 110)");
        assertThat(Distributions.format(new Distribution.Fixed(0.5), Quantity.DURATION))
                .isEqualTo("fixed(0.5s)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uniform(90, 110) | 100", "100 | 100", "82.5 | 82.5", "fixed(41) | 41",
        "triangular(60, 90, 104) | 84.66666666666667", "empirical([80, 90, 100]) | 90"})
    void parse_plainForms_keepNumbers(String text, double mean) throws ValueSyntaxException {
        assertThat(Distributions.parse(text, Quantity.PLAIN).mean()).isEqualTo(mean);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lognorml(6h, 3h) | unknown distribution 'lognorml'; did you mean lognormal?",
        "weibull(1, 2) | unknown distribution 'weibull'; expected one of fixed, exp, lognormal, gamma, uniform, triangular, normal, erlang, empirical",
        "lognormal(6h) | lognormal takes 2 arguments (mean, sd), got 1",
        "lognormal(6h, 3h | missing ')' at the end of \"lognormal(6h, 3h\"",
        "lognormal(6h, ) | lognormal sd is missing in \"lognormal(6h, )\"",
        "lognormal(6, 3) | lognormal mean: a duration needs a unit (s, min, h, d or w), got \"6\"",
        "lognormal(0h, 3h) | lognormal mean must be above zero, got \"0h\"",
        "exp(0) | exp mean must be above zero, got \"0\"",
        "gamma(8h, 0h) | gamma sd must be above zero, got \"0h\"",
        "uniform(2h, 1h) | uniform needs a <= b, got \"uniform(2h, 1h)\"",
        "triangular(2h, 2h, 2h) | triangular needs min <= mode <= max and min < max, got \"triangular(2h, 2h, 2h)\"",
        "erlang(0, 6h) | erlang k must be a whole number >= 1, got \"0\"",
        "erlang(2h, 6h) | erlang k: expected a number without unit, got \"2h\"",
        "empirical([]) | empirical needs at least one value, like empirical([4h, 5h, 7h])",
        "empirical([1h, 2h) | empirical: missing ']' in \"[1h, 2h\"",
        "sixty | expected a duration like 6h or a distribution like lognormal(6h, 2h), got \"sixty\"",
        "6hours | unknown duration unit 'hours' in \"6hours\"; did you mean h? (units: s, min, h, d, w)"})
    void parse_malformedDuration_saysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Distributions.parse(text, Quantity.DURATION))
                .isInstanceOf(ValueSyntaxException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uniform(90h, 110) | uniform a: expected a number without unit, got \"90h\"",
        "uniform(-1, 110) | uniform a cannot be negative, got \"-1\"",
        "lots | expected a number like 100 or a distribution like uniform(90, 110), got \"lots\""})
    void parse_malformedPlain_saysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Distributions.parse(text, Quantity.PLAIN))
                .isInstanceOf(ValueSyntaxException.class).hasMessage(message);
    }

    @Test
    void parseArrival_poissonAndEvery_givePerSecondAndSeconds() throws ValueSyntaxException {
        assertThat(Distributions.parseArrival("poisson(7/day)"))
                .isEqualTo(new ArrivalSpec.Poisson(7 / D));
        assertThat(Distributions.parseArrival("poisson(/week)"))
                .isEqualTo(new ArrivalSpec.Poisson(1 / (7 * D)));
        assertThat(Distributions.parseArrival("every(4h)")).isEqualTo(new ArrivalSpec.Every(14_400));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "poison(7/day) | unknown arrival process 'poison'; did you mean poisson? (or a map with schedule:)",
        "7/day | expected an arrival process like poisson(7/day), every(4h) or a map with schedule:, got \"7/day\"",
        "poisson(7) | poisson rate: expected a rate like 7/day (per h, day, week, month or year), got \"7\"",
        "poisson(0/day) | poisson rate must be above zero, got \"0/day\"",
        "every(0) | every interval must be above zero, got \"0\"",
        "every(4h, 5h) | every takes 1 argument (interval), got 2"})
    void parseArrival_malformed_saysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Distributions.parseArrival(text))
                .isInstanceOf(ValueSyntaxException.class).hasMessage(message);
    }

    @Test
    void schedule_timesInsideCycle_sortedTimetable() throws ValueSyntaxException {
        ArrivalSpec.Schedule s = Distributions.schedule(new long[] {7200, 0}, 86_400);
        assertThat(s.timesSeconds()).containsExactly(0, 7200);
        assertThat(s.meanRatePerSecond()).isEqualTo(2 / D);
        assertThatThrownBy(() -> Distributions.schedule(new long[] {86_400}, 86_400))
                .hasMessage("schedule time 1d does not fall inside the repeat cycle of 1d");
    }

    @Test
    void parseDeparture_whenFull_givesFractionAndSeconds() throws ValueSyntaxException {
        assertThat(Distributions.parseDeparture("when-full(80%, 48h)"))
                .isEqualTo(new DepartureRule(0.8, 48 * 3600));
        assertThat(Distributions.parseDeparture("when-full(100%, 0)"))
                .isEqualTo(new DepartureRule(1.0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"when-full(0%, 48h)", "when-full(101%, 48h)"})
    void parseDeparture_fillOutOfRange_fails(String text) {
        assertThatThrownBy(() -> Distributions.parseDeparture(text))
                .isInstanceOf(ValueSyntaxException.class)
                .hasMessageStartingWith("when-full fill must be above 0% and at most 100%");
    }
}
