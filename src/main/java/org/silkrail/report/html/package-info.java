/**
 * The self-contained HTML report: a map of the network, charts and sortable tables in one file
 * that opens offline, with Apache ECharts and the run's numbers inlined. Page assets live under
 * {@code src/main/resources/org/silkrail/report/}.
 *
 * <p>Reads results (a {@code RunResults} or its {@code results.json}) and the network's
 * geometry; never depends on {@code cli}, and nothing below {@code cli} depends on it.
 */
package org.silkrail.report.html;
