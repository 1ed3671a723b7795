package org.silkrail.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;

/**
 * The canonical text of a scenario tree and its SHA-256: JSON with keys sorted, no whitespace,
 * numbers normalised ({@code 1.50} and {@code 1.5} are the same). Two trees with the same keys
 * and values give the same hash whatever their files, key order, comments or layout.
 */
final class Canonical {
    private Canonical() {
    }

    static String sha256(YamlNode root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(json(root).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String json(YamlNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(YamlNode node, StringBuilder sb) {
        if (node instanceof Mapping m) {
            List<String> keys = new ArrayList<>(m.entries().keySet());
            Collections.sort(keys);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(keys.get(i), sb);
                sb.append(':');
                write(m.get(keys.get(i)), sb);
            }
            sb.append('}');
        } else if (node instanceof Sequence s) {
            sb.append('[');
            for (int i = 0; i < s.items().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(s.items().get(i), sb);
            }
            sb.append(']');
        } else {
            Scalar scalar = (Scalar) node;
            switch (scalar.type()) {
                case NULL -> sb.append("null");
                case BOOLEAN -> sb.append(scalar.text().toLowerCase(java.util.Locale.ROOT));
                case INTEGER, DECIMAL -> sb.append(number(scalar.text()));
                case STRING -> string(scalar.text(), sb);
                default -> throw new IllegalStateException("scalar type=" + scalar.type());
            }
        }
    }

    private static String number(String text) {
        try {
            BigDecimal value = new BigDecimal(text).stripTrailingZeros();
            // plain digits for numbers people write; 1e-999999999 in plain would be a
            // billion characters, so far exponents stay in scientific form
            return Math.abs(value.scale()) <= 100 ? value.toPlainString() : value.toString();
        } catch (NumberFormatException e) {
            try {
                return new BigInteger(text).toString();
            } catch (NumberFormatException e2) {
                return '"' + text + '"';
            }
        }
    }

    private static void string(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
