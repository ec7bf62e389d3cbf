package io.reconcraft.audit.chain;

import io.reconcraft.audit.config.AuditProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The keyed hash that chains a stored audit record to the one before it: HMAC-SHA256, with a key that is not
 * in the database, over EVERY stored field of the record except the hash itself (sequence, previous hash, the
 * event, where it came from, when it was received, the masked payload), in canonical JSON. A field added,
 * removed or changed in the database changes the hash, and nobody without the key can compute a new one.
 */
@Component
public class RecordHash {

    /** The {@code previousHash} of the very first record. */
    public static final String GENESIS = "0".repeat(64);
    static final String HASH = "hash";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    @Autowired
    public RecordHash(AuditProperties properties) {
        this(properties.chainKeyBytes());
    }

    RecordHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String of(Document record) {
        Map<String, Object> hashed = new LinkedHashMap<>(record);
        hashed.remove(HASH);
        return hmac("audit-record\n" + CanonicalJson.of(hashed));
    }

    /** The signature of an anchor's signed text (another domain than records, so one cannot pass for the other). */
    String sign(String anchorText) {
        return hmac("audit-anchor\n" + anchorText);
    }

    private String hmac(String text) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
