/**
 * Experiments: replications run in parallel, confidence intervals across them, common random
 * numbers, comparisons of options and resumable sweeps.
 *
 * <p>Depends on {@code scenario}, {@code model}, {@code report} and {@code engine}; never on
 * {@code cli} or {@code cluster}.
 */
package org.silkrail.experiment;
