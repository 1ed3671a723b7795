package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearNamesTest {
    private static final List<String> IDS = List.of("XIA", "ALA", "ALAT", "DOS", "MOI", "DUI",
            "LZH", "URC", "JHE", "KHG");

    @Test
    void distance_classicPairs() {
        assertThat(NearNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearNames.distance("", "abc")).isEqualTo(3);
        assertThat(NearNames.distance("xia", "xia")).isZero();
    }

    @Test
    void unknown_caseInsensitiveNearMatch_isSuggested() {
        assertThat(NearNames.unknown("node", "xian", IDS))
                .isEqualTo("unknown node 'xian'; did you mean XIA?");
    }

    @Test
    void unknown_severalAtSameDistance_listsThemWithOr() {
        assertThat(NearNames.unknown("node", "ALAX", IDS))
                .isEqualTo("unknown node 'ALAX'; did you mean ALA or ALAT?");
    }

    @Test
    void unknown_nothingNearInASmallNetwork_listsEveryId() {
        assertThat(NearNames.unknown("node", "PARIS", IDS))
                .isEqualTo("unknown node 'PARIS'; expected one of XIA, ALA, ALAT, DOS, MOI, DUI, LZH, URC, JHE, KHG");
    }

    @org.junit.jupiter.api.Test
    void unknown_nothingNearInALargeNetwork_namesNoCandidates() {
        java.util.List<String> many = new java.util.ArrayList<>(IDS);
        for (int i = 0; i < 10; i++) {
            many.add("N" + i + "X");
        }
        assertThat(NearNames.unknown("node", "PARIS", many)).isEqualTo("unknown node 'PARIS'");
    }
}
