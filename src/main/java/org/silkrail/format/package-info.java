/**
 * The file formats every layer shares: the one JSON mapper with {@code results.json}'s layout,
 * and the one CSV dialect (RFC 4180, CRLF), both through Jackson.
 *
 * <p>Works on streams and strings, never on paths, so the packages that know no files may use
 * it. Depends on no other silkrail package.
 */
package org.silkrail.format;
