/**
 * The Hazelcast sweep backend: the only package that imports Hazelcast.
 *
 * <p>Depends on {@code experiment}; nothing but {@code cli} depends on it.
 */
package org.silkrail.cluster;
