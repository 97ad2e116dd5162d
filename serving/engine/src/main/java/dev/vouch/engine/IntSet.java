package dev.vouch.engine;

import java.util.Arrays;

/**
 * A small set of non-negative ints (film positions) by open addressing. A request meets a few thousand films at most,
 * so it keeps them here instead of in a bit set the size of the catalogue: on a million films a {@code BitSet} is
 * 125 KB to allocate and clear per request, several per request, and that churn alone kept the collector busy.
 */
public final class IntSet {
    private static final int EMPTY = -1;
    private int[] slots;
    private int size;

    /** A set sized for about {@code expected} members (it grows past that). */
    public IntSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2) * 2 - 1);
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
    }

    /** Adds {@code value} (≥ 0); true when it was not a member yet. */
    public boolean add(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("IntSet holds non-negative ints, not " + value);
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == value) {
                return false;
            }
            if (s == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
        }
    }

    public boolean contains(int value) {
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == value) {
                return true;
            }
            if (s == EMPTY) {
                return false;
            }
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (int s : old) {
            if (s != EMPTY) {
                add(s);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
