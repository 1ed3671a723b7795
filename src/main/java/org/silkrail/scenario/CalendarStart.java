package org.silkrail.scenario;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.silkrail.engine.SimTime;
import org.silkrail.model.MonthlyProfile;

/**
 * The scenario key {@code start}: the calendar date at which simulated time 0 falls, written
 * {@code 2025-01-01} (ISO 8601, YYYY-MM-DD), default 1 January.
 *
 * <p>It places the model's 365-day calendar ({@link MonthlyProfile}): monthly demand and storm
 * profiles and per-month results. Only the month and day count — the year documents the
 * scenario, and every simulated year has 365 days, so 29 February is refused (a leap day has no
 * place in that calendar). Example: {@code start: 2025-07-01} puts time 0 at day 181 of the
 * year, so a 365-day run covers July to June.
 */
final class CalendarStart {
    /** The key's value when absent: 1 January. */
    static final long DEFAULT_SECONDS = 0;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private CalendarStart() {
    }

    /**
     * Seconds from 1 January 00:00 to the date's 00:00 in the 365-day calendar.
     *
     * @throws ValueSyntaxException for text that is not a real YYYY-MM-DD date, or 29 February
     */
    static long parseSeconds(String text) throws ValueSyntaxException {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), ISO);
        } catch (DateTimeException e) {
            throw new ValueSyntaxException("expected a date like 2025-01-01 (year-month-day),"
                    + " got \"" + text + "\"");
        }
        if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29) {
            throw new ValueSyntaxException("the model's calendar has 365 days and no 29 February;"
                    + " start on 28 February or 1 March");
        }
        int m = date.getMonthValue() - 1;
        return MonthlyProfile.monthStartSeconds(m) + (date.getDayOfMonth() - 1) * SimTime.DAY;
    }
}
