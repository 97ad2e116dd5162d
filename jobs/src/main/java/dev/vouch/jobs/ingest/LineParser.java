package dev.vouch.jobs.ingest;

import java.io.Serializable;

/** Parses one line of a line-oriented source into a staged record, or says why it cannot. */
@FunctionalInterface
interface LineParser extends Serializable {
    Staged parse(String line) throws BadRecord;

    /**
     * Whether line 1 is a header to skip rather than a record. The documented rule: line 1 is a header when it holds
     * no digit at all (no record of any supported format can lack one).
     */
    static boolean isHeader(String firstLine) {
        return !firstLine.isBlank() && firstLine.chars().noneMatch(Character::isDigit);
    }
}
