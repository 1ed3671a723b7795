/**
 * The picocli commands: the only package that prints for people and decides exit codes
 * (0 success, 2 bad input, 1 internal failure).
 */
package org.silkrail.cli;
