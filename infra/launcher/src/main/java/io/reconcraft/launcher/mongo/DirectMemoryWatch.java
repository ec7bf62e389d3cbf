package io.reconcraft.launcher.mongo;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells, once at each of {@link #LEVELS}, when the direct memory in use — where the embedded database keeps every
 * stored document ({@link DocumentArena}) — passes that share of what this JVM may use. Past the limit the store
 * can keep nothing more, so the one who runs the stack hears of it while there is still room. The JVM's limit is its maximum heap unless {@code -XX:MaxDirectMemorySize} says otherwise; what a
 * stored run takes is in bench/RESULTS.md (twenty-eighth session).
 */
final class DirectMemoryWatch {

    private static final System.Logger log = System.getLogger(DirectMemoryWatch.class.getName());

    static final double[] LEVELS = {0.75, 0.9};

    /** This JVM's: every arena reports its new chunks here. */
    static final DirectMemoryWatch JVM = new DirectMemoryWatch(DirectMemoryWatch::directMemoryUsed,
            DirectMemoryWatch::directMemoryLimit, message -> log.log(System.Logger.Level.WARNING, message));

    private final LongSupplier used;
    private final LongSupplier limit;
    private final Consumer<String> warning;
    private int levelsPassed;

    DirectMemoryWatch(LongSupplier used, LongSupplier limit, Consumer<String> warning) {
        this.used = used;
        this.limit = limit;
        this.warning = warning;
    }

    /** After a chunk was allocated: warns for each level the use has newly passed. */
    synchronized void allocated() {
        if (levelsPassed == LEVELS.length) {
            return;
        }
        long inUse = used.getAsLong();
        long max = limit.getAsLong();
        int passed = levelsPassed;
        while (passed < LEVELS.length && inUse >= LEVELS[passed] * max) {
            passed++;
        }
        if (passed > levelsPassed) {
            levelsPassed = passed;
            warning.accept(String.format("the embedded database's documents and this JVM's other direct buffers use "
                    + "%d MB of the %d MB of direct memory it may use (%d %%); when it is full, nothing more can be "
                    + "stored. Give it more with -XX:MaxDirectMemorySize=… in RECONCRAFT_JAVA_OPTS, or use a MongoDB "
                    + "server (docker-compose) for a history this large", inUse >> 20, max >> 20, inUse * 100 / max));
        }
    }

    static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    /**
     * {@code -XX:MaxDirectMemorySize}; by default (0), and on a JVM that does not name the option, as much as the
     * maximum heap.
     */
    static long directMemoryLimit() {
        long configured = 0;
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            configured = hotSpot == null ? 0 : Long.parseLong(hotSpot.getVMOption("MaxDirectMemorySize").getValue());
        } catch (IllegalArgumentException unknownOption) {
            // another JVM's default: the heap's size, as HotSpot's
        }
        return configured > 0 ? configured : Runtime.getRuntime().maxMemory();
    }
}
