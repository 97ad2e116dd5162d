package dev.vouch.serving.model;

import java.time.Duration;

/**
 * Outcome of a successful reload.
 *
 * @param version  the version now served
 * @param previous the version served before, or null when none was
 * @param changed  false when CURRENT already named the served version and nothing was loaded
 * @param loadTime time spent loading, zero when nothing was loaded
 */
public record ReloadResult(String version, String previous, boolean changed, Duration loadTime) {
}
