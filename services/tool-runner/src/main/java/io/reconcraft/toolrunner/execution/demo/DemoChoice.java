package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.toolrunner.execution.FindingFactory;

/** Stable pseudo-random choices derived from the input, so demo output is the same for the same step input. */
final class DemoChoice {

    private DemoChoice() {
    }

    /** A number in [0, bound) that depends only on {@code key}. */
    static int of(String key, int bound) {
        byte[] hash = FindingFactory.sha256(key);
        int value = ((hash[0] & 0xff) << 16) | ((hash[1] & 0xff) << 8) | (hash[2] & 0xff);
        return value % bound;
    }
}
