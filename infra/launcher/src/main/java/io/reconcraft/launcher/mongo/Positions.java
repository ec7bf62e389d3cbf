package io.reconcraft.launcher.mongo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of document positions in ascending order, in one array of ints: how {@link IndexKeys} holds the documents of
 * a key that several share (a status, a run id) in its tree, and a {@link FieldIndex} those without a key — an object
 * or two per key where a map held an entry, and boxed keys and values, per document.
 */
final class Positions {

    private int[] sorted;
    private int size;

    Positions() {
        this.sorted = new int[4];
    }

    Positions(int one, int other) {
        this.sorted = new int[] {Math.min(one, other), Math.max(one, other), 0, 0};
        this.size = one == other ? 1 : 2;
    }

    /** False when it was there already. */
    boolean add(int position) {
        int at = Arrays.binarySearch(sorted, 0, size, position);
        if (at >= 0) {
            return false;
        }
        int insertion = -at - 1;
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, size + (size >> 1) + 1);
        }
        System.arraycopy(sorted, insertion, sorted, insertion + 1, size - insertion);
        sorted[insertion] = position;
        size++;
        return true;
    }

    /** False when it was not there. */
    boolean remove(int position) {
        int at = Arrays.binarySearch(sorted, 0, size, position);
        if (at < 0) {
            return false;
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
        if (size > 16 && size < sorted.length / 4) {
            sorted = Arrays.copyOf(sorted, size * 2);
        }
        return true;
    }

    boolean contains(int position) {
        return Arrays.binarySearch(sorted, 0, size, position) >= 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        sorted = new int[4];
        size = 0;
    }

    /** The positions, boxed, in ascending order. */
    List<Integer> toList() {
        List<Integer> boxed = new ArrayList<>(size);
        addTo(boxed);
        return boxed;
    }

    void addTo(Collection<Integer> into) {
        for (int i = 0; i < size; i++) {
            into.add(sorted[i]);
        }
    }
}
