package org.silkrail.scenario;

import org.silkrail.network.NearNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.silkrail.engine.Distribution;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.network.DepartureRule;

/**
 * Parses the compact forms of distributions ({@code lognormal(6h, 3h)}), arrival processes
 * ({@code poisson(7/day)}, {@code every(4h)}) and ferry departure rules
 * ({@code when-full(80%, 48h)}) into the engine's and the model's records.
 *
 * <p>A distribution of durations takes every parameter with a unit and comes back in seconds:
 * {@code lognormal(6h, 3h)} is {@code LogNormal(21600, 10800)}. A distribution of plain
 * quantities (TEU per train) takes plain numbers and keeps them: {@code uniform(90, 110)}. A
 * bare value is a fixed distribution: {@code 6h} is {@code fixed(6h)}, {@code 100} is
 * {@code fixed(100)}. No parameter may be negative; the message for a bad value names the
 * parameter and what is allowed.
 */
public final class Distributions {

    /** What the numbers of a distribution measure, and so how they are written. */
    public enum Quantity {
        /** Durations with units, returned in seconds. */
        DURATION,
        /** Plain numbers without units (TEU, wagons), returned as written. */
        PLAIN
    }

    /** The distributions and their parameter names, in the order the format guide lists them. */
    public static final Map<String, List<String>> DISTRIBUTIONS;

    static {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("fixed", List.of("value"));
        d.put("exp", List.of("mean"));
        d.put("lognormal", List.of("mean", "sd"));
        d.put("gamma", List.of("mean", "sd"));
        d.put("uniform", List.of("a", "b"));
        d.put("triangular", List.of("min", "mode", "max"));
        d.put("normal", List.of("mean", "sd"));
        d.put("erlang", List.of("k", "mean"));
        d.put("empirical", List.of("[values]"));
        DISTRIBUTIONS = java.util.Collections.unmodifiableMap(d);
    }

    private static final List<String> ARRIVALS = List.of("poisson", "every");
    private static final Pattern CALL = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Pattern CALL_START = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*\\(.*",
            Pattern.DOTALL);
    private static final Pattern STARTS_WITH_NUMBER = Pattern.compile("\\s*[+-]?\\.?[0-9].*",
            Pattern.DOTALL);

    private Distributions() {
    }

    /**
     * A distribution from its compact form.
     *
     * @throws ValueSyntaxException with a message naming what is wrong and what is allowed
     */
    public static Distribution parse(String text, Quantity quantity) throws ValueSyntaxException {
        Call call = Call.parse(text);
        if (call == null) {
            return new Distribution.Fixed(bareValue(text, quantity));
        }
        List<String> params = DISTRIBUTIONS.get(call.name);
        if (params == null) {
            throw new ValueSyntaxException(NearNames.unknown("distribution", call.name,
                    DISTRIBUTIONS.keySet()));
        }
        if (!call.name.equals("empirical")) {
            call.requireArity(params);
        }
        switch (call.name) {
            case "fixed" -> {
                return new Distribution.Fixed(value(call, 0, params, quantity));
            }
            case "exp" -> {
                return new Distribution.Exponential(positive(call, 0, params, quantity));
            }
            case "lognormal" -> {
                return new Distribution.LogNormal(positive(call, 0, params, quantity),
                        value(call, 1, params, quantity));
            }
            case "gamma" -> {
                return new Distribution.Gamma(positive(call, 0, params, quantity),
                        positive(call, 1, params, quantity));
            }
            case "uniform" -> {
                double a = value(call, 0, params, quantity);
                double b = value(call, 1, params, quantity);
                if (a > b) {
                    throw new ValueSyntaxException(call.name + " needs a <= b, got " + call);
                }
                return new Distribution.Uniform(a, b);
            }
            case "triangular" -> {
                double min = value(call, 0, params, quantity);
                double mode = value(call, 1, params, quantity);
                double max = value(call, 2, params, quantity);
                if (!(min <= mode && mode <= max && min < max)) {
                    throw new ValueSyntaxException(call.name
                            + " needs min <= mode <= max and min < max, got " + call);
                }
                return new Distribution.Triangular(min, mode, max);
            }
            case "normal" -> {
                return new Distribution.Normal(value(call, 0, params, quantity),
                        value(call, 1, params, quantity));
            }
            case "erlang" -> {
                double k = value(call, 0, params, Quantity.PLAIN);
                if (k < 1 || k != Math.rint(k) || k > Integer.MAX_VALUE) {
                    throw new ValueSyntaxException("erlang k must be a whole number >= 1, got "
                            + Units.quote(call.args.get(0)));
                }
                return new Distribution.Erlang((int) k, positive(call, 1, params, quantity));
            }
            case "empirical" -> {
                return new Distribution.Empirical(empiricalValues(call, quantity));
            }
            default -> throw new IllegalStateException("no parser for distribution=" + call.name);
        }
    }

    /**
     * An arrival process: {@code poisson(7/day)} or {@code every(4h)}. (A timetable is a map,
     * {@code schedule: [...]}, bound by {@link #schedule}.)
     */
    public static ArrivalSpec parseArrival(String text) throws ValueSyntaxException {
        Call call = Call.parse(text);
        if (call == null) {
            throw new ValueSyntaxException("expected an arrival process like poisson(7/day),"
                    + " every(4h) or a map with schedule:, got " + Units.quote(text));
        }
        switch (call.name) {
            case "poisson" -> {
                call.requireArity(List.of("rate"));
                double rate = arg(call, 0, "rate", Units::parseRatePerSecond);
                if (!(rate > 0)) {
                    throw new ValueSyntaxException("poisson rate must be above zero, got "
                            + Units.quote(call.args.get(0)));
                }
                return new ArrivalSpec.Poisson(rate);
            }
            case "every" -> {
                call.requireArity(List.of("interval"));
                long interval = (long) arg(call, 0, "interval", Units::parseDurationSeconds);
                if (interval <= 0) {
                    throw new ValueSyntaxException("every interval must be above zero, got "
                            + Units.quote(call.args.get(0)));
                }
                return new ArrivalSpec.Every(interval);
            }
            default -> throw new ValueSyntaxException(NearNames.unknown("arrival process", call.name,
                    ARRIVALS) + " (or a map with schedule:)");
        }
    }

    /**
     * A timetable: one train at each time of {@code times} after the start, repeated every
     * {@code repeatSeconds} when that is positive. Every time must fall inside one cycle.
     */
    public static ArrivalSpec.Schedule schedule(long[] timesSeconds, long repeatSeconds)
            throws ValueSyntaxException {
        if (timesSeconds.length == 0) {
            throw new ValueSyntaxException("a schedule needs at least one time");
        }
        if (repeatSeconds > 0) {
            for (long t : timesSeconds) {
                if (t >= repeatSeconds) {
                    throw new ValueSyntaxException("schedule time " + Units.formatDuration(t)
                            + " does not fall inside the repeat cycle of "
                            + Units.formatDuration(repeatSeconds));
                }
            }
        }
        return new ArrivalSpec.Schedule(timesSeconds, repeatSeconds);
    }

    /** A ferry departure rule: {@code when-full(80%, 48h)}. */
    public static DepartureRule parseDeparture(String text) throws ValueSyntaxException {
        Call call = Call.parse(text);
        if (call == null || !call.name.equals("when-full")) {
            String got = call == null ? Units.quote(text) : "'" + call.name + "'"
                    + NearNames.didYouMean(call.name, List.of("when-full"));
            throw new ValueSyntaxException("expected a departure rule like when-full(80%, 48h),"
                    + " got " + got);
        }
        call.requireArity(List.of("fill", "max-wait"));
        double fill = arg(call, 0, "fill", Units::parsePercent);
        if (!(fill > 0 && fill <= 1)) {
            throw new ValueSyntaxException("when-full fill must be above 0% and at most 100%, got "
                    + Units.quote(call.args.get(0)));
        }
        long wait = (long) arg(call, 1, "max-wait", Units::parseDurationSeconds);
        return new DepartureRule(fill, wait);
    }

    /** The compact form of a distribution; {@code parse(format(d, q), q)} equals {@code d}. */
    public static String format(Distribution d, Quantity quantity) {
        if (d instanceof Distribution.Fixed f) {
            return "fixed(" + number(f.value(), quantity) + ")";
        } else if (d instanceof Distribution.Exponential e) {
            return "exp(" + number(e.mean(), quantity) + ")";
        } else if (d instanceof Distribution.LogNormal l) {
            return "lognormal(" + number(l.mean(), quantity) + ", " + number(l.sd(), quantity) + ")";
        } else if (d instanceof Distribution.Gamma g) {
            return "gamma(" + number(g.mean(), quantity) + ", " + number(g.sd(), quantity) + ")";
        } else if (d instanceof Distribution.Uniform u) {
            return "uniform(" + number(u.low(), quantity) + ", " + number(u.high(), quantity) + ")";
        } else if (d instanceof Distribution.Triangular t) {
            return "triangular(" + number(t.min(), quantity) + ", " + number(t.mode(), quantity)
                    + ", " + number(t.max(), quantity) + ")";
        } else if (d instanceof Distribution.Normal n) {
            return "normal(" + number(n.mu(), quantity) + ", " + number(n.sd(), quantity) + ")";
        } else if (d instanceof Distribution.Erlang e) {
            return "erlang(" + e.k() + ", " + number(e.mean(), quantity) + ")";
        } else if (d instanceof Distribution.Empirical e) {
            List<String> values = new ArrayList<>();
            for (double v : e.values()) {
                values.add(number(v, quantity));
            }
            return "empirical([" + String.join(", ", values) + "])";
        }
        throw new IllegalArgumentException("unknown distribution=" + d);
    }

    private static String number(double value, Quantity quantity) {
        if (quantity == Quantity.DURATION && value == Math.rint(value)) {
            return Units.formatDuration((long) value);
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return quantity == Quantity.DURATION ? plain + "s" : plain;
    }

    private static double bareValue(String text, Quantity quantity) throws ValueSyntaxException {
        if (CALL_START.matcher(text).matches()) {
            throw new ValueSyntaxException("missing ')' at the end of " + Units.quote(text));
        }
        boolean numeric = STARTS_WITH_NUMBER.matcher(text).matches();
        try {
            double value = quantity == Quantity.DURATION ? Units.parseDurationExact(text)
                    : Units.parsePlain(text);
            if (value < 0) {
                throw new ValueSyntaxException("cannot be negative, got " + Units.quote(text));
            }
            checkPlainRange(value, quantity, text);
            return value;
        } catch (ValueSyntaxException e) {
            if (numeric) {
                throw e;
            }
            String example = quantity == Quantity.DURATION ? "a duration like 6h or a distribution"
                    + " like lognormal(6h, 2h)" : "a number like 100 or a distribution like"
                    + " uniform(90, 110)";
            throw new ValueSyntaxException("expected " + example + ", got " + Units.quote(text));
        }
    }

    /**
     * Largest plain quantity (TEU per train): a block train carries about 100 TEU; the bound
     * keeps totals far from overflow.
     */
    public static final double MAX_PLAIN = 1_000_000;

    private static void checkPlainRange(double value, Quantity quantity, String text)
            throws ValueSyntaxException {
        if (quantity == Quantity.PLAIN && value > MAX_PLAIN) {
            throw new ValueSyntaxException("must be at most " + (long) MAX_PLAIN + ", got "
                    + Units.quote(text));
        }
    }

    private static double value(Call call, int index, List<String> params, Quantity quantity)
            throws ValueSyntaxException {
        String name = params.get(index);
        double v = arg(call, index, name, quantity == Quantity.DURATION
                ? Units::parseDurationExact : Distributions::plainNumber);
        if (v < 0) {
            throw new ValueSyntaxException(call.name + " " + name + " cannot be negative, got "
                    + Units.quote(call.args.get(index)));
        }
        checkPlainRange(v, quantity, call.args.get(index));
        return v;
    }

    private static double positive(Call call, int index, List<String> params, Quantity quantity)
            throws ValueSyntaxException {
        double v = value(call, index, params, quantity);
        if (!(v > 0)) {
            throw new ValueSyntaxException(call.name + " " + params.get(index)
                    + " must be above zero, got " + Units.quote(call.args.get(index)));
        }
        return v;
    }

    private static double plainNumber(String text) throws ValueSyntaxException {
        try {
            return Units.parsePlain(text);
        } catch (ValueSyntaxException e) {
            throw new ValueSyntaxException("expected a number without unit, got "
                    + Units.quote(text));
        }
    }

    private static double[] empiricalValues(Call call, Quantity quantity)
            throws ValueSyntaxException {
        List<String> items = call.args;
        if (items.size() == 1 && items.get(0).startsWith("[")) {
            String list = items.get(0);
            if (!list.endsWith("]")) {
                throw new ValueSyntaxException("empirical: missing ']' in " + Units.quote(list));
            }
            items = Call.split(list.substring(1, list.length() - 1));
        }
        if (items.isEmpty() || items.size() == 1 && items.get(0).isEmpty()) {
            throw new ValueSyntaxException("empirical needs at least one value, like"
                    + " empirical([4h, 5h, 7h])");
        }
        double[] values = new double[items.size()];
        Call values0 = new Call("empirical", items);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            names.add("value " + (i + 1));
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = value(values0, i, names, quantity);
        }
        return values;
    }

    private interface Parser {
        double parse(String text) throws ValueSyntaxException;
    }

    private static double arg(Call call, int index, String name, Parser parser)
            throws ValueSyntaxException {
        try {
            return parser.parse(call.args.get(index));
        } catch (ValueSyntaxException e) {
            throw new ValueSyntaxException(call.name + " " + name + ": " + e.getMessage());
        }
    }

    /** {@code name(arg, arg, …)} split at top-level commas; brackets nest. */
    private static final class Call {
        final String name;
        final List<String> args;

        Call(String name, List<String> args) {
            this.name = name;
            this.args = args;
        }

        /** The call, or {@code null} when the text is not a call at all. */
        static Call parse(String text) throws ValueSyntaxException {
            Matcher m = CALL.matcher(text);
            if (!m.matches()) {
                return null;
            }
            List<String> args = split(m.group(2));
            if (args.size() == 1 && args.get(0).isEmpty()) {
                args = List.of();
            }
            return new Call(m.group(1), args);
        }

        static List<String> split(String inner) throws ValueSyntaxException {
            List<String> args = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(inner.substring(start, i).strip());
                    start = i + 1;
                }
            }
            args.add(inner.substring(start).strip());
            return args;
        }

        void requireArity(List<String> params) throws ValueSyntaxException {
            if (args.size() != params.size()) {
                throw new ValueSyntaxException(name + " takes " + params.size() + " argument"
                        + (params.size() == 1 ? "" : "s") + " (" + String.join(", ", params)
                        + "), got " + args.size());
            }
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).isEmpty()) {
                    throw new ValueSyntaxException(name + " " + params.get(i) + " is missing in "
                            + this);
                }
            }
        }

        @Override
        public String toString() {
            return '"' + name + "(" + String.join(", ", args) + ")\"";
        }
    }
}
