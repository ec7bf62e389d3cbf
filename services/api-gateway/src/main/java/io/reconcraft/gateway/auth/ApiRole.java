package io.reconcraft.gateway.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reconcraft.events.model.InputEcho;
import java.util.Arrays;
import java.util.Locale;

/** admin: everything incl. keys; operator: workflows, targets, runs; viewer: read only. */
public enum ApiRole {
    ADMIN, OPERATOR, VIEWER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this role, as checked by {@code hasRole(wireName())}. */
    public String authority() {
        return "ROLE_" + wireName();
    }

    @JsonCreator
    public static ApiRole fromWire(String value) {
        return Arrays.stream(values()).filter(role -> role.wireName().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        InputEcho.quoted(value) + " is not one of: admin, operator, viewer"));
    }
}
