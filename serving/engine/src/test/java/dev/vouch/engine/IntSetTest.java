package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntSetTest {
    @Test
    void holdsWhatAHashSetHoldsAsItGrows() {
        Random rnd = new Random(7);
        IntSet set = new IntSet(2);
        Set<Integer> expected = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            int v = rnd.nextInt(30_000);
            assertThat(set.add(v)).isEqualTo(expected.add(v));
        }
        assertThat(set.size()).isEqualTo(expected.size());
        for (int v = 0; v < 30_000; v++) {
            assertThat(set.contains(v)).as("%d", v).isEqualTo(expected.contains(v));
        }
    }

    @Test
    void zeroIsAMemberLikeAnyOtherAndNegativesAreRefused() {
        IntSet set = new IntSet(0);
        assertThat(set.contains(0)).isFalse();
        assertThat(set.add(0)).isTrue();
        assertThat(set.add(0)).isFalse();
        assertThat(set.contains(0)).isTrue();
        assertThatThrownBy(() -> set.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
