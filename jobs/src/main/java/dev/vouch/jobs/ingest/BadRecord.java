package dev.vouch.jobs.ingest;

/** Thrown by a parser for one record it cannot accept; the message becomes the reject reason. */
final class BadRecord extends Exception {
    BadRecord(String reason) {
        super(reason, null, false, false);
    }
}
