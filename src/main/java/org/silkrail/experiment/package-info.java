/**
 * Experiments: replications run in parallel, confidence intervals across them, common random
 * numbers, comparisons of options and resumable sweeps. {@link org.silkrail.experiment.ResultSchema}
 * is the output schema as data; {@link org.silkrail.experiment.RunResults} is what writers read.
 *
 * <p>Depends on {@code scenario}, {@code model} and {@code engine}; {@code report} reads its
 * results, so it never depends on {@code report}, {@code cli} or {@code cluster}.
 */
package org.silkrail.experiment;
