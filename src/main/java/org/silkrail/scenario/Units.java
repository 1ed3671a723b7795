package org.silkrail.scenario;

import org.silkrail.network.NearNames;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.silkrail.engine.SimTime;

/**
 * The compact quantities of scenario files: durations ({@code 90s}, {@code 30min}, {@code 6h},
 * {@code 2d}, {@code 1w}), rates ({@code 7/day}, {@code 2/h}, {@code /week}, {@code /month},
 * {@code /year}) and percentages ({@code 80%}).
 *
 * <p>Durations come back in seconds as a {@code long} (rounded to the nearest second, so
 * {@code 1.5min} is 90 s), rates in events per second as a {@code double}. A month is 365.25/12
 * days and a year 365.25 days (a Julian year), so {@code 12/year} and {@code 1/month} are the
 * same rate. A rate without a count ({@code /week}) means one per unit. Numbers are plain
 * decimals ({@code 0.5/day}); spaces between number and unit are allowed; negative values never
 * are. A bare {@code 0} is a valid duration (no unit needed for nothing); any other number needs
 * its unit.
 */
public final class Units {
    /** Duration units and their length in seconds, in the order messages list them. */
    public static final Map<String, Long> DURATION_UNITS;
    /** Rate units (the denominator) and their length in seconds. */
    public static final Map<String, Double> RATE_UNITS;

    static {
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("s", SimTime.SECOND);
        durations.put("min", SimTime.MINUTE);
        durations.put("h", SimTime.HOUR);
        durations.put("d", SimTime.DAY);
        durations.put("w", 7 * SimTime.DAY);
        DURATION_UNITS = java.util.Collections.unmodifiableMap(durations);
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("h", (double) SimTime.HOUR);
        rates.put("day", (double) SimTime.DAY);
        rates.put("week", 7.0 * SimTime.DAY);
        rates.put("month", SimTime.YEAR_SECONDS / 12);
        rates.put("year", SimTime.YEAR_SECONDS);
        RATE_UNITS = java.util.Collections.unmodifiableMap(rates);
    }

    /**
     * Longest duration accepted anywhere, so that sums of times never overflow a {@code long}
     * of seconds (which holds 2.9e11 years).
     */
    public static final int MAX_DURATION_YEARS = 1000;
    static final double MAX_DURATION_SECONDS = MAX_DURATION_YEARS * SimTime.YEAR_SECONDS;

    private static final String NUMBER =
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)";
    private static final Pattern DURATION = Pattern.compile(
            "\\s*" + NUMBER + "\\s*([A-Za-z]*)\\s*");
    private static final Pattern RATE = Pattern.compile(
            "\\s*" + NUMBER + "?\\s*/\\s*([A-Za-z]*)\\s*");
    private static final Pattern PERCENT = Pattern.compile("\\s*" + NUMBER + "\\s*%\\s*");
    private static final Pattern PLAIN = Pattern.compile("\\s*" + NUMBER + "\\s*");

    static final String DURATION_EXAMPLE = "a duration like 90s, 30min, 6h, 2d or 1w";
    static final String RATE_EXAMPLE = "a rate like 7/day (per h, day, week, month or year)";
    static final String PERCENT_EXAMPLE = "a percentage like 80%";

    private Units() {
    }

    /** {@code 6h} → 21600. */
    public static long parseDurationSeconds(String text) throws ValueSyntaxException {
        double seconds = parseDurationExact(text);
        if (seconds > Long.MAX_VALUE / 2.0) {
            throw new ValueSyntaxException("duration " + quote(text) + " is too long");
        }
        return Math.round(seconds);
    }

    /** Like {@link #parseDurationSeconds} without rounding, for distribution parameters. */
    static double parseDurationExact(String text) throws ValueSyntaxException {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new ValueSyntaxException("expected " + DURATION_EXAMPLE + ", got " + quote(text));
        }
        double value = number(m.group(1), text);
        String unit = m.group(2);
        if (value < 0) {
            throw new ValueSyntaxException("a duration cannot be negative, got " + quote(text));
        }
        if (unit.isEmpty()) {
            if (value == 0) {
                return 0;
            }
            throw new ValueSyntaxException("a duration needs a unit (s, min, h, d or w), got "
                    + quote(text));
        }
        Long unitSeconds = DURATION_UNITS.get(unit);
        if (unitSeconds == null) {
            throw new ValueSyntaxException("unknown duration unit '" + Excerpt.of(unit) + "' in "
                    + quote(text) + NearNames.didYouMean(unit, DURATION_UNITS.keySet())
                    + " (units: s, min, h, d, w)");
        }
        double seconds = value * unitSeconds;
        if (seconds > MAX_DURATION_SECONDS) {
            throw new ValueSyntaxException("duration " + quote(text) + " is longer than "
                    + MAX_DURATION_YEARS + " years, the longest silkrail accepts");
        }
        return seconds;
    }

    /** {@code 7/day} → 7 / 86400. */
    public static double parseRatePerSecond(String text) throws ValueSyntaxException {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new ValueSyntaxException("expected " + RATE_EXAMPLE + ", got " + quote(text));
        }
        double count = m.group(1) == null ? 1 : number(m.group(1), text);
        if (count < 0) {
            throw new ValueSyntaxException("a rate cannot be negative, got " + quote(text));
        }
        String unit = m.group(2);
        Double unitSeconds = RATE_UNITS.get(unit);
        if (unitSeconds == null) {
            String what = unit.isEmpty() ? "a rate needs a unit after '/'"
                    : "unknown rate unit '" + Excerpt.of(unit) + "'";
            throw new ValueSyntaxException(what + " in " + quote(text)
                    + NearNames.didYouMean(unit, RATE_UNITS.keySet())
                    + " (units: h, day, week, month, year)");
        }
        return count / unitSeconds;
    }

    /** {@code 7/day} → 7.0; the unit silkrail's node quotas and link capacities are kept in. */
    public static double parseRatePerDay(String text) throws ValueSyntaxException {
        return parseRatePerSecond(text) * SimTime.DAY;
    }

    /** {@code 80%} → 0.8. */
    public static double parsePercent(String text) throws ValueSyntaxException {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new ValueSyntaxException("expected " + PERCENT_EXAMPLE + ", got " + quote(text));
        }
        double value = number(m.group(1), text);
        if (value < 0) {
            throw new ValueSyntaxException("a percentage cannot be negative, got " + quote(text));
        }
        return value / 100;
    }

    /** A plain decimal number such as {@code 90} or {@code 0.5}, without any unit. */
    static double parsePlain(String text) throws ValueSyntaxException {
        Matcher m = PLAIN.matcher(text.strip());
        if (!m.matches()) {
            throw new ValueSyntaxException("expected a number without unit, got " + quote(text));
        }
        return number(m.group(1), text);
    }

    /** The shortest exact form: 21600 → {@code 6h}, 90 → {@code 90s}, 0 → {@code 0s}. */
    public static String formatDuration(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration: seconds=" + seconds);
        }
        String best = seconds + "s";
        for (Map.Entry<String, Long> unit : DURATION_UNITS.entrySet()) {
            if (seconds != 0 && seconds % unit.getValue() == 0) {
                best = seconds / unit.getValue() + unit.getKey();
            }
        }
        return best;
    }

    /** A rate per second as trains per day: 7/86400 → {@code 7/day}. */
    public static String formatRatePerDay(double perSecond) {
        BigDecimal perDay = BigDecimal.valueOf(perSecond * SimTime.DAY).stripTrailingZeros();
        return perDay.toPlainString() + "/day";
    }

    private static double number(String digits, String text) throws ValueSyntaxException {
        try {
            double value = Double.parseDouble(digits.strip());
            if (Double.isInfinite(value)) {
                throw new ValueSyntaxException("number too large in " + quote(text));
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException("expected a number in " + quote(text));
        }
    }

    static String quote(String text) {
        return Excerpt.quote(text.strip());
    }
}
