package io.reconcraft.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over an event exactly as it travels: the topic and the serialized envelope bytes (which carry
 * eventId, type, runId, occurredAt, version and payload). Signing the bytes that the consumer decodes, not a
 * re-serialization, means there is no canonical form to get wrong. The signature travels in the record header
 * {@value #HEADER} as lower-case hex. The key is shared by the services only; the bus is not trusted.
 */
public final class EventSignature {

    public static final String HEADER = "reconcraft-signature";
    /** Shorter secrets are refused: an HMAC key should carry at least 256 bits. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "reconcraft-event-v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    // Looking the algorithm up and keying it cost more than the MAC of a small event; a Mac is reset by doFinal.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    private EventSignature(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public static EventSignature of(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the event signing key must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        return new EventSignature(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The header value for {@code value} published on {@code topic}. */
    public byte[] sign(String topic, byte[] value) {
        return HexFormat.of().formatHex(mac(topic, value)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code signature} (the header value) was made with this key for exactly these bytes on this topic. */
    public boolean verifies(String topic, byte[] value, byte[] signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(topic, value);
        return MessageDigest.isEqual(expected, signature);
    }

    private byte[] mac(String topic, byte[] value) {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.reset(); // nothing an earlier call left half-done may enter this MAC
        mac.update(DOMAIN);
        mac.update((byte) 0);
        mac.update(topicBytes);
        mac.update((byte) 0);
        mac.update(value == null ? new byte[0] : value);
        return mac.doFinal();
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
