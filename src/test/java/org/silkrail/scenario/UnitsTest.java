package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"90s, 90", "30min, 1800", "6h, 21600", "2d, 172800", "1w, 604800", "0, 0",
        "0h, 0", "1.5min, 90", "0.5d, 43200", "' 6 h ', 21600", ".5h, 1800", "1.0000001s, 1"})
    void parseDurationSeconds_validForms_giveSeconds(String text, long seconds)
            throws ValueSyntaxException {
        assertThat(Units.parseDurationSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "6hours | unknown duration unit 'hours' in \"6hours\"; did you mean h? (units: s, min, h, d, w)",
        "365 | a duration needs a unit (s, min, h, d or w), got \"365\"",
        "-2h | a duration cannot be negative, got \"-2h\"",
        "6m | unknown duration unit 'm' in \"6m\"; did you mean min? (units: s, min, h, d, w)",
        "six hours | expected a duration like 90s, 30min, 6h, 2d or 1w, got \"six hours\"",
        "'' | expected a duration like 90s, 30min, 6h, 2d or 1w, got \"\""})
    void parseDurationSeconds_malformed_saysWhatIsAllowed(String text, String message) {
        assertThatThrownBy(() -> Units.parseDurationSeconds(text))
                .isInstanceOf(ValueSyntaxException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} = {1}/day")
    @CsvSource({"7/day, 7", "2/h, 48", "/week, 0.14285714285714285", "14/week, 2",
        "12/year, 0.03285420944558522", "1/month, 0.03285420944558522", "0.5/day, 0.5",
        "365.25/year, 1", "' 28 / day ', 28", "0/day, 0"})
    void parseRatePerDay_validForms_givePerDay(String text, double perDay)
            throws ValueSyntaxException {
        assertThat(Units.parseRatePerDay(text)).isCloseTo(perDay, within(1e-12));
    }

    @Test
    void parseRatePerSecond_monthIsAJulianTwelfth_perSecond() throws ValueSyntaxException {
        // 365.25 days / 12 = 30.4375 days = 2 629 800 s
        assertThat(Units.parseRatePerSecond("/month")).isEqualTo(1 / 2_629_800.0);
        assertThat(Units.parseRatePerSecond("/year")).isEqualTo(1 / 31_557_600.0);
        assertThat(Units.parseRatePerSecond("7/day")).isEqualTo(7 / 86_400.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "28/dya | unknown rate unit 'dya' in \"28/dya\"; did you mean day? (units: h, day, week, month, year)",
        "7/d | unknown rate unit 'd' in \"7/d\"; did you mean day? (units: h, day, week, month, year)",
        "sixty | expected a rate like 7/day (per h, day, week, month or year), got \"sixty\"",
        "7 | expected a rate like 7/day (per h, day, week, month or year), got \"7\"",
        "7/ | a rate needs a unit after '/' in \"7/\" (units: h, day, week, month, year)",
        "-1/day | a rate cannot be negative, got \"-1/day\""})
    void parseRatePerSecond_malformed_saysWhatIsAllowed(String text, String message) {
        assertThatThrownBy(() -> Units.parseRatePerSecond(text))
                .isInstanceOf(ValueSyntaxException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"80%, 0.8", "100%, 1", "0%, 0", "12.5 %, 0.125"})
    void parsePercent_validForms_giveFraction(String text, double fraction)
            throws ValueSyntaxException {
        assertThat(Units.parsePercent(text)).isEqualTo(fraction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "0.8", "80 percent", "%"})
    void parsePercent_withoutPercentSign_fails(String text) {
        assertThatThrownBy(() -> Units.parsePercent(text))
                .isInstanceOf(ValueSyntaxException.class)
                .hasMessage("expected a percentage like 80%, got \"" + text + "\"");
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(longs = {0, 1, 59, 60, 90, 3600, 5400, 86_400, 90_000, 604_800, 1_209_600,
        31_557_600, 123_456_789})
    void formatDuration_roundTrips(long seconds) throws ValueSyntaxException {
        String text = Units.formatDuration(seconds);
        assertThat(Units.parseDurationSeconds(text)).isEqualTo(seconds);
    }

    @Test
    void formatDuration_picksLargestExactUnit() {
        assertThat(Units.formatDuration(21_600)).isEqualTo("6h");
        assertThat(Units.formatDuration(90)).isEqualTo("90s");
        assertThat(Units.formatDuration(1800)).isEqualTo("30min");
        assertThat(Units.formatDuration(14 * 86_400)).isEqualTo("2w");
        assertThat(Units.formatDuration(0)).isEqualTo("0s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7/day", "0.5/day", "28/day", "1/h", "/week", "2/month"})
    void formatRatePerDay_roundTrips(String text) throws ValueSyntaxException {
        double perSecond = Units.parseRatePerSecond(text);
        assertThat(Units.parseRatePerSecond(Units.formatRatePerDay(perSecond)))
                .isCloseTo(perSecond, within(perSecond * 1e-12));
    }
}
