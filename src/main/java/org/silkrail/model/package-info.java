/**
 * The rail logistics model: trains, terminals, borders, gauge change, single-track lines,
 * Caspian ferries, closures and storms, written as event handlers on the engine.
 *
 * <p>Depends on {@code network} and {@code engine} only; knows nothing of files. Its input is a
 * {@link org.silkrail.model.ModelSpec}; its output per replication a plain result object.
 */
package org.silkrail.model;
