package dev.vouch.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class PaceTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Burns about {@code millis} of this thread's CPU, calling breathe() between small units as a loader does. */
    private static long burn(Pace pace, long millis) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long sink = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpu0 < millis * 1_000_000) {
            for (int i = 0; i < 20_000; i++) {
                sink += Long.rotateLeft(sink ^ i, 7) * 31;
            }
            pace.breathe();
        }
        return sink;
    }

    @Test
    void aPacedThreadSleepsSoThatItsCpuStaysWithinItsShareOfTheWallTime() {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Pace pace = Pace.of(0.25);
        burn(pace, 60);
        // the pace's own reading first: the assertions below load classes and would add their CPU to it
        long paceCpu = pace.cpuMillis();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        // 60 ms of CPU at a quarter of a core: at least 4 × 60 ms of wall time, less the slack the pace allows
        assertThat(wall).as("wall ns for %d ns of CPU", cpu).isGreaterThanOrEqualTo(4 * cpu - 4 * 3_000_000 - 1_000_000);
        // on a busy machine the thread also waits for a core, so the pace may owe less sleep: never more than the wall
        assertThat(pace.sleptMillis() * 1_000_000).isLessThanOrEqualTo(wall);
        assertThat(paceCpu).isBetween(60L, cpu / 1_000_000 + 1);
    }

    @Test
    void fullSpeedNeverSleeps() {
        Pace pace = Pace.of(1.0);
        assertThat(pace).isSameAs(Pace.FULL);
        burn(pace, 30);
        assertThat(pace.sleptMillis()).isZero();
    }

    @Test
    void aPaceOnlyHoldsBackTheThreadThatMadeIt() throws InterruptedException {
        Pace pace = Pace.of(0.1);
        Thread other = new Thread(() -> burn(pace, 20));
        other.start();
        other.join();
        assertThat(pace.sleptMillis()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Pace.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Pace.of(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pace.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
