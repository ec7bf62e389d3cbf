package io.reconcraft.launcher.mongo;

import com.sun.management.HotSpotDiagnosticMXBean;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The direct memory where the embedded database keeps every stored document ({@link DocumentArena}), as the arenas
 * allocate it. It tells, once at each of {@link #LEVELS}, when the use passes that share of what this JVM may use, so
 * that the one who runs the stack hears of it while there is still room; when nothing more fits, the write that
 * needed the room fails with MongoDB's {@code ExceededMemoryLimit} instead of an error that the server's network
 * code would not answer. The JVM's limit is its maximum heap unless {@code -XX:MaxDirectMemorySize} says otherwise;
 * what a stored run takes is in bench/RESULTS.md (twenty-eighth session).
 */
final class DirectMemory {

    private static final System.Logger log = System.getLogger(DirectMemory.class.getName());

    static final double[] LEVELS = {0.75, 0.9};
    static final int EXCEEDED_MEMORY_LIMIT = 146;

    /** This JVM's: every arena allocates its chunks here. */
    static final DirectMemory JVM = new DirectMemory(ByteBuffer::allocateDirect, DirectMemory::directMemoryUsed,
            DirectMemory::directMemoryLimit, message -> log.log(System.Logger.Level.WARNING, message));

    private static final String WHAT_TO_DO = "Give it more with -XX:MaxDirectMemorySize=… in RECONCRAFT_JAVA_OPTS, or "
            + "use a MongoDB server (docker-compose) for a history this large";

    private final IntFunction<ByteBuffer> allocator;
    private final LongSupplier used;
    private final LongSupplier limit;
    private final Consumer<String> warning;
    private int levelsPassed;

    DirectMemory(IntFunction<ByteBuffer> allocator, LongSupplier used, LongSupplier limit, Consumer<String> warning) {
        this.allocator = allocator;
        this.used = used;
        this.limit = limit;
        this.warning = warning;
    }

    /** A new buffer of {@code capacity} bytes; warns for each level the use has newly passed. */
    ByteBuffer allocate(int capacity) {
        ByteBuffer buffer;
        try {
            buffer = allocator.apply(capacity);
        } catch (OutOfMemoryError full) {
            throw new MongoServerError(EXCEEDED_MEMORY_LIMIT, "ExceededMemoryLimit", String.format(
                    "the embedded database's direct memory is full (%d MB in use of %d MB): nothing more can be "
                    + "stored. %s", used.getAsLong() >> 20, limit.getAsLong() >> 20, WHAT_TO_DO), full);
        }
        warnOfNewLevels();
        return buffer;
    }

    private synchronized void warnOfNewLevels() {
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
                    + "stored. %s", inUse >> 20, max >> 20, inUse * 100 / max, WHAT_TO_DO));
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
