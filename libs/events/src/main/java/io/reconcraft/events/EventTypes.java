package io.reconcraft.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of event type names: the simple name of each payload record. */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> BY_NAME = Arrays
            .stream(EventPayload.class.getPermittedSubclasses())
            .map(EventTypes::payloadClass)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static String nameOf(EventPayload payload) {
        return payload.getClass().getSimpleName();
    }

    public static Optional<Class<? extends EventPayload>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends EventPayload> payloadClass(Class<?> type) {
        return (Class<? extends EventPayload>) type;
    }
}
