package io.promplan.measure;

/** An open-addressing map of long keys (never 0) to long values: 16 bytes a slot, for millions of series. */
final class LongLongMap {
    private long[] keys;
    private long[] vals;
    private int size;
    private int mask;

    LongLongMap(int expected) {
        int cap = 16;
        while (cap < expected * 2) {
            cap <<= 1;
        }
        keys = new long[cap];
        vals = new long[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    static long nonZero(long k) {
        return k == 0 ? 1 : k;
    }

    /** Puts a value; returns true when the key was new. */
    boolean put(long key, long value) {
        key = nonZero(key);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                vals[i] = value;
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = value;
        size++;
        return true;
    }

    boolean contains(long key) {
        return slot(nonZero(key)) >= 0;
    }

    /** The value, or dflt when absent. */
    long get(long key, long dflt) {
        int i = slot(nonZero(key));
        return i < 0 ? dflt : vals[i];
    }

    private int slot(long key) {
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    interface Visitor {
        void visit(long key, long value);
    }

    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                v.visit(keys[i], vals[i]);
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        long[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new long[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], ov[i]);
            }
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
