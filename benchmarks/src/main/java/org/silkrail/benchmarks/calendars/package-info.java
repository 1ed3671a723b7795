/**
 * Calendar candidates measured side by side on the hold model ({@code CalendarBenchmark}): the
 * engine's radix heap against rejected designs kept here only for measurement.
 */
package org.silkrail.benchmarks.calendars;
