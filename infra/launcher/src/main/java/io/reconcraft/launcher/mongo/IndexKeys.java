package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The keys of a {@link FieldIndex} in Mongo's order, each with the positions of the documents that hold it. Numbers
 * (doubles, as the library normalizes them) and times to the millisecond — the nearly unique keys: sequence numbers,
 * an audit record's time, a run's start — are kept packed ({@link PackedPairs}), one kind apart from the other; any
 * other key (a string, an id, a boolean, a long no double represents, a time finer than a millisecond) in a tree,
 * where a key's documents are one position or a {@link Positions}. Each kind sorts apart from the others in Mongo's
 * order, so a walk in order merges the three.
 */
final class IndexKeys {

    static final Comparator<Object> KEYS = ValueComparator.asc();

    private final NavigableMap<Object, Object> others = new TreeMap<>(KEYS);
    private final PackedPairs numbers = new PackedPairs();
    private final PackedPairs times = new PackedPairs();

    /** A key and the positions of its documents, ascending. */
    record Group(Object key, List<Integer> positions) { }

    /**
     * The keys from {@code low} to {@code high}, each bound included or not; a null bound: none on that side.
     */
    record Range(Object low, boolean lowIncluded, Object high, boolean highIncluded) {

        static final Range ALL = new Range(null, false, null, false);

        Range above(Object key, boolean included) {
            if (low != null) {
                int order = KEYS.compare(key, low);
                if (order < 0 || order == 0 && (!lowIncluded || included)) {
                    return this;
                }
            }
            return new Range(key, included, high, highIncluded);
        }

        Range below(Object key, boolean included) {
            if (high != null) {
                int order = KEYS.compare(key, high);
                if (order > 0 || order == 0 && (!highIncluded || included)) {
                    return this;
                }
            }
            return new Range(low, lowIncluded, key, included);
        }
    }

    void add(Object key, int position) {
        Kind kind = Kind.of(key);
        if (kind != null) {
            pairs(kind).add(kind.encode(key), position);
        } else {
            others.merge(key, position, IndexKeys::joined);
        }
    }

    /** False when the key did not have the position. */
    boolean remove(Object key, int position) {
        Kind kind = Kind.of(key);
        if (kind != null) {
            return pairs(kind).remove(kind.encode(key), position);
        }
        Object held = others.get(key);
        if (held instanceof Positions several) {
            boolean removed = several.remove(position);
            if (several.isEmpty()) {
                others.remove(key);
            }
            return removed;
        }
        if (held != null && (Integer) held == position) {
            others.remove(key);
            return true;
        }
        return false;
    }

    boolean holds(Object key, int position) {
        Kind kind = Kind.of(key);
        if (kind != null) {
            return pairs(kind).contains(kind.encode(key), position);
        }
        Object held = others.get(key);
        return held instanceof Positions several ? several.contains(position)
                : held != null && (Integer) held == position;
    }

    int count(Object key) {
        Kind kind = Kind.of(key);
        return kind != null ? pairs(kind).count(kind.encode(key)) : sizeOf(others.get(key));
    }

    /** The key's positions, ascending. */
    void addPositions(Object key, Collection<Integer> into) {
        Kind kind = Kind.of(key);
        if (kind != null) {
            pairs(kind).addPositions(kind.encode(key), into);
        } else {
            addHeld(others.get(key), into);
        }
    }

    /** Takes the position out under every key it has; false when it had none. A walk over all keys. */
    boolean removeEverywhere(int position) {
        boolean held = numbers.removeEverywhere(position);
        held |= times.removeEverywhere(position);
        for (Iterator<Object> keys = others.values().iterator(); keys.hasNext(); ) {
            Object documentsOfKey = keys.next();
            if (documentsOfKey instanceof Positions several) {
                held |= several.remove(position);
                if (several.isEmpty()) {
                    keys.remove();
                }
            } else if ((Integer) documentsOfKey == position) {
                held = true;
                keys.remove();
            }
        }
        return held;
    }

    void clear() {
        others.clear();
        numbers.clear();
        times.clear();
    }

    /** How many positions the keys in the range have (a position under two of its keys twice), at most {@code cap}. */
    int count(Range range, int cap) {
        int count = 0;
        for (Kind kind : Kind.ALL) {
            long[] bounds = pairs(kind).isEmpty() ? null : kind.bounds(range);
            if (bounds != null) {
                count += pairs(kind).countBetween(bounds[0], bounds[1], cap - count);
            }
        }
        for (Object documentsOfKey : within(range).values()) {
            if (count >= cap) {
                break;
            }
            count += sizeOf(documentsOfKey);
        }
        return Math.min(count, cap);
    }

    /** The keys in the range, in ascending or descending order, each with its positions ascending. */
    Iterator<Group> groups(Range range, boolean ascending) {
        List<Iterator<Group>> sources = new ArrayList<>(3);
        for (Kind kind : Kind.ALL) {
            long[] bounds = pairs(kind).isEmpty() ? null : kind.bounds(range);
            if (bounds != null) {
                Iterator<PackedPairs.Group> packed = pairs(kind).groups(bounds[0], bounds[1], ascending);
                sources.add(mapped(packed, group -> new Group(kind.decode(group.key()), group.positions())));
            }
        }
        NavigableMap<Object, Object> tree = within(range);
        if (!tree.isEmpty()) {
            Iterator<java.util.Map.Entry<Object, Object>> entries =
                    (ascending ? tree : tree.descendingMap()).entrySet().iterator();
            sources.add(mapped(entries, entry -> new Group(entry.getKey(), positionsOf(entry.getValue()))));
        }
        return sources.size() == 1 ? sources.get(0) : new Merged(sources, ascending ? KEYS : KEYS.reversed());
    }

    private NavigableMap<Object, Object> within(Range range) {
        Object low = range.low();
        Object high = range.high();
        if (low != null && high != null) {
            int order = KEYS.compare(low, high);
            if (order > 0 || order == 0 && !(range.lowIncluded() && range.highIncluded())) {
                return java.util.Collections.emptyNavigableMap();
            }
            return others.subMap(low, range.lowIncluded(), high, range.highIncluded());
        }
        if (low != null) {
            return others.tailMap(low, range.lowIncluded());
        }
        return high != null ? others.headMap(high, range.highIncluded()) : others;
    }

    private PackedPairs pairs(Kind kind) {
        return kind == Kind.NUMBER ? numbers : times;
    }

    /** The documents of a key with one more: a key's first document is held as its position alone. */
    private static Object joined(Object held, Object position) {
        int added = (Integer) position;
        if (held instanceof Positions several) {
            several.add(added);
            return several;
        }
        return (Integer) held == added ? held : new Positions((Integer) held, added);
    }

    private static int sizeOf(Object documentsOfKey) {
        if (documentsOfKey instanceof Positions several) {
            return several.size();
        }
        return documentsOfKey == null ? 0 : 1;
    }

    private static List<Integer> positionsOf(Object documentsOfKey) {
        List<Integer> positions = new ArrayList<>(sizeOf(documentsOfKey));
        addHeld(documentsOfKey, positions);
        return positions;
    }

    private static void addHeld(Object documentsOfKey, Collection<Integer> into) {
        if (documentsOfKey instanceof Positions several) {
            several.addTo(into);
        } else if (documentsOfKey != null) {
            into.add((Integer) documentsOfKey);
        }
    }

    private static <T> Iterator<Group> mapped(Iterator<T> source, java.util.function.Function<T, Group> map) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Group next() {
                return map.apply(source.next());
            }
        };
    }

    /** The groups of several sources in one order; the sources' keys never tie (they are of different kinds). */
    private static final class Merged implements Iterator<Group> {
        private final List<Iterator<Group>> sources;
        private final Group[] heads;
        private final Comparator<Object> order;

        Merged(List<Iterator<Group>> sources, Comparator<Object> order) {
            this.sources = sources;
            this.heads = new Group[sources.size()];
            this.order = order;
            for (int i = 0; i < heads.length; i++) {
                heads[i] = sources.get(i).hasNext() ? sources.get(i).next() : null;
            }
        }

        @Override
        public boolean hasNext() {
            for (Group head : heads) {
                if (head != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Group next() {
            int first = -1;
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && (first < 0 || order.compare(heads[i].key(), heads[first].key()) < 0)) {
                    first = i;
                }
            }
            if (first < 0) {
                throw new NoSuchElementException();
            }
            Group next = heads[first];
            heads[first] = sources.get(first).hasNext() ? sources.get(first).next() : null;
            return next;
        }
    }

    /**
     * A kind of key kept packed: as a long whose order is the keys' order. Each kind is one of Mongo's type brackets,
     * so a bound of another kind (or a value of this bracket that is not packed) holds all of the kind's keys or none,
     * or cuts them where a search over the longs finds it.
     */
    enum Kind {
        NUMBER {
            @Override
            boolean packs(Object key) {
                return key instanceof Double number && !number.isNaN()
                        && Double.doubleToRawLongBits(number) != Double.doubleToRawLongBits(-0.0);
            }

            @Override
            long encode(Object key) {
                long bits = Double.doubleToRawLongBits((Double) key);
                return bits ^ ((bits >> 63) & Long.MAX_VALUE);
            }

            @Override
            Object decode(long packed) {
                return Double.longBitsToDouble(packed ^ ((packed >> 63) & Long.MAX_VALUE));
            }

            @Override
            long smallest() {
                return encode(Double.NEGATIVE_INFINITY);
            }

            @Override
            long largest() {
                return encode(Double.POSITIVE_INFINITY);
            }
        },
        TIME {
            private static final long MOST_SECONDS = Long.MAX_VALUE / 1000 - 1;

            @Override
            boolean packs(Object key) {
                return key instanceof Instant time && time.getNano() % 1_000_000 == 0
                        && Math.abs(time.getEpochSecond()) <= MOST_SECONDS;
            }

            @Override
            long encode(Object key) {
                return ((Instant) key).toEpochMilli();
            }

            @Override
            Object decode(long packed) {
                return Instant.ofEpochMilli(packed);
            }

            @Override
            long smallest() {
                return -MOST_SECONDS * 1000;
            }

            @Override
            long largest() {
                return MOST_SECONDS * 1000 + 999;
            }
        };

        abstract boolean packs(Object key);

        abstract long encode(Object key);

        abstract Object decode(long packed);

        abstract long smallest();

        abstract long largest();

        /** Once: {@code values()} copies its array at every call, and {@link #of} is called for every key written. */
        private static final Kind[] ALL = values();

        static Kind of(Object key) {
            for (Kind kind : ALL) {
                if (kind.packs(key)) {
                    return kind;
                }
            }
            return null;
        }

        /** The range's bounds as this kind's longs, both included; null when it holds none of this kind. */
        long[] bounds(Range range) {
            long low = range.low() == null ? smallest() : firstAbove(range.low(), range.lowIncluded());
            long high = range.high() == null ? largest() : lastBelow(range.high(), range.highIncluded());
            return low <= high ? new long[] {low, high} : null;
        }

        /** The smallest packed key at (included) or above the bound; {@link #largest()} + 1 when there is none. */
        private long firstAbove(Object bound, boolean included) {
            if (packs(bound)) {
                long packed = encode(bound);
                return included ? packed : packed + 1;
            }
            long low = smallest();
            long high = largest() + 1;
            while (low < high) { // the first packed key the bound does not exclude
                long middle = (low & high) + ((low ^ high) >> 1); // (low + high) / 2, rounded down, not overflowing
                int order = KEYS.compare(decode(middle), bound);
                if (order > 0 || order == 0 && included) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }

        /** The largest packed key at (included) or below the bound; {@link #smallest()} - 1 when there is none. */
        private long lastBelow(Object bound, boolean included) {
            if (packs(bound)) {
                long packed = encode(bound);
                return included ? packed : packed - 1;
            }
            long low = smallest() - 1;
            long high = largest();
            while (low < high) { // the last packed key the bound does not exclude
                long middle = (low & high) + ((low ^ high) >> 1) + ((low ^ high) & 1); // rounded up
                int order = KEYS.compare(decode(middle), bound);
                if (order < 0 || order == 0 && included) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return low;
        }
    }
}
