package org.cascadehub.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed links that let a recipient acknowledge an alert from an email without signing in. The
 * signature (HMAC-SHA256 over alert and person) proves the link was made for that person; the link
 * opens a page with a button, so a mail scanner that follows links acknowledges nothing.
 */
@Component
public class AckLinks {

    private final JdbcClient jdbc;
    private final PublicAddress address;
    private volatile byte[] key;
    private volatile @Nullable Mac keyedMac;

    AckLinks(JdbcClient jdbc, PublicAddress address) {
        this.jdbc = jdbc;
        this.address = address;
    }

    /** The absolute link for one recipient. */
    public String linkFor(AlertId alert, PersonId person) {
        return address.link("/alerts/" + alert + "/ack?person=" + person + "&signature=" + sign(alert, person));
    }

    public String sign(AlertId alert, PersonId person) {
        byte[] digest = mac().doFinal(("ack:" + alert + ":" + person).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * A fresh copy of the keyed MAC: looking the algorithm up and keying it costs far more than the
     * signature, and publishing signs one link per email recipient.
     */
    private Mac mac() {
        try {
            Mac known = keyedMac;
            if (known == null) {
                known = Mac.getInstance("HmacSHA256");
                known.init(new SecretKeySpec(key(), "HmacSHA256"));
                keyedMac = known;
            }
            return (Mac) known.clone();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verify(AlertId alert, PersonId person, String signature) {
        return MessageDigest.isEqual(
                sign(alert, person).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO alert_link_key (id, key) VALUES (1, ?) ON CONFLICT DO NOTHING")
                    .param(fresh)
                    .update();
            known = jdbc.sql("SELECT key FROM alert_link_key WHERE id = 1")
                    .query(byte[].class)
                    .single();
            key = known;
        }
        return known;
    }
}
