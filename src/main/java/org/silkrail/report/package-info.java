/**
 * Output writers: {@code results.json}, per-replication CSV files and the self-contained HTML
 * report. Writers iterate result data and know nothing of trains.
 *
 * <p>Writes atomically (temporary file, then rename). Never depends on {@code cli}.
 */
package org.silkrail.report;
