package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A code from a set that a newer producer may grow, such as an event's {@code outcome}: the codes this build knows
 * are constants of a subclass, each spelled once; a code it does not know is kept as it came, so a reader still
 * reads the event and writes the code back unchanged ({@link #known()} is false). On the wire it is the bare code.
 */
public abstract class WireCode {

    private static final Map<Class<?>, Map<String, WireCode>> KNOWN = new ConcurrentHashMap<>();

    private final String wire;

    protected WireCode(String wire) {
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    /** Makes {@code code} one of the known codes of its class; for the constants of a subclass. */
    protected static <C extends WireCode> C known(C code) {
        KNOWN.computeIfAbsent(code.getClass(), type -> new LinkedHashMap<>()).put(code.wire(), code);
        return code;
    }

    /** The known code of {@code type} with that wire value, else a new unknown one; null stays null. */
    protected static <C extends WireCode> C of(Class<C> type, String wire, Function<String, C> unknown) {
        if (wire == null) {
            return null;
        }
        WireCode known = knownOf(type).get(wire);
        return known != null ? type.cast(known) : unknown.apply(wire);
    }

    /** The known codes of {@code type}, in the order they were declared. */
    protected static Map<String, WireCode> knownOf(Class<? extends WireCode> type) {
        return KNOWN.getOrDefault(type, Map.of());
    }

    /** The wire value of a possibly absent code (null for null), for stores and views that keep the string. */
    public static String wireOf(WireCode code) {
        return code == null ? null : code.wire;
    }

    /** The code as events carry it. */
    @JsonValue
    public final String wire() {
        return wire;
    }

    /** False for a code from the wire that this build does not know. */
    public final boolean known() {
        return knownOf(getClass()).get(wire) == this;
    }

    /** Whether {@code wire} is this code (false for null or another code). */
    public final boolean is(String wire) {
        return this.wire.equals(wire);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && wire.equals(((WireCode) other).wire);
    }

    @Override
    public final int hashCode() {
        return wire.hashCode();
    }

    @Override
    public final String toString() {
        return wire;
    }
}
