package io.reconcraft.audit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.chain.ChainVerification;
import io.reconcraft.audit.chain.ChainVerifier;
import io.reconcraft.audit.store.AuditStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit chain's length and whether it verifies, checked on a timer rather than per event (one count and
 * one verification per interval, paced so that it does not take the cores from live runs), so an alert fires on a
 * broken chain even when nobody asks /audit/verify.
 */
@Component
class AuditMetrics implements DisposableBean {

    static final String CHAIN_LENGTH = "reconcraft.audit.chain.length";
    static final String CHAIN_VALID = "reconcraft.audit.chain.valid";
    static final String VERIFICATIONS = "reconcraft.audit.verifications";
    private static final Logger log = LoggerFactory.getLogger(AuditMetrics.class);

    private final AuditStore store;
    private final ChainVerifier verifier;
    private final Duration interval;
    private final AtomicLong length = new AtomicLong();
    /** 1 intact, 0 broken, -1 not verified yet. */
    private final AtomicLong valid = new AtomicLong(-1);
    private final Counter intact;
    private final Counter broken;
    private Disposable schedule;

    AuditMetrics(AuditStore store, ChainVerifier verifier, MeterRegistry registry,
            @Value("${reconcraft.audit.metrics-interval:60s}") Duration interval) {
        this.store = store;
        this.verifier = verifier;
        this.interval = interval;
        Gauge.builder(CHAIN_LENGTH, length, AtomicLong::get).description("Records in the audit hash chain")
                .register(registry);
        Gauge.builder(CHAIN_VALID, valid, AtomicLong::get)
                .description("Last verification of the audit chain: 1 intact, 0 broken, -1 not verified yet")
                .register(registry);
        intact = Counter.builder(VERIFICATIONS).tag("result", "valid").register(registry);
        broken = Counter.builder(VERIFICATIONS).tag("result", "broken").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("audit metrics not refreshed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    private Mono<Void> refresh() {
        return store.count(new Query()).doOnNext(length::set)
                .then(Mono.fromCallable(this::verifyPaced).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(verification -> verification.ifPresent(this::record))
                .then();
    }

    private Optional<ChainVerification> verifyPaced() {
        try {
            return verifier.verifyPacedIfVerifiedBefore();
        } catch (CancellationException e) {
            return Optional.empty(); // the service is shutting down
        }
    }

    private void record(ChainVerification verification) {
        valid.set(verification.valid() ? 1 : 0);
        (verification.valid() ? intact : broken).increment();
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
