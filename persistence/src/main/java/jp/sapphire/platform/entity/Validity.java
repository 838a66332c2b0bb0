package jp.sapphire.platform.entity;

import java.time.LocalDate;

/** When something with effective dates applies: from its first day to its last, both included; no last day is open-ended. */
public final class Validity {

    private Validity() {
    }

    public static boolean covers(LocalDate first, LocalDate last, LocalDate day) {
        return !day.isBefore(first) && (last == null || !day.isAfter(last));
    }
}
