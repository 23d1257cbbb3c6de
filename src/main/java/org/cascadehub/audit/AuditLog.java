package org.cascadehub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cascadehub.platform.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to, reads and verifies the audit chain. */
@Service
public class AuditLog {

    /** Serialises appends across every process sharing the database, so the chain never forks. */
    private static final long APPEND_LOCK = 0x6361_7564_6974L;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one entry at the end of the chain, in the caller's transaction. */
    @Transactional
    public AuditEntry append(Actor actor, String action, String detail) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(APPEND_LOCK)
                .query((rs, n) -> 1)
                .list();
        var last = jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = last.map(row -> (Long) row[0] + 1).orElse(1L);
        String previous = last.map(row -> (String) row[1]).orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(seq, at, actor.principal(), actor.address(), action, detail, previous);
        jdbc.sql("""
                INSERT INTO audit_entry (seq, at, actor, address, action, detail, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(seq, Timestamp.from(at), actor.principal(), actor.address(), action, detail, previous, hash)
                .update();
        return new AuditEntry(seq, at, actor.principal(), actor.address(), action, detail, previous, hash);
    }

    /** Entries with {@code from <= at < to}, oldest first, at most {@code limit}, after {@code afterSeq}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> between(Instant from, Instant to, long afterSeq, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_entry WHERE at >= ? AND at < ? AND seq > ? ORDER BY seq LIMIT ?
                """)
                .params(Timestamp.from(from), Timestamp.from(to), afterSeq, limit)
                .query(AuditLog::entry)
                .list();
    }

    /**
     * Recomputes every hash from the stored fields and checks each entry links to the one before,
     * with no gaps in the sequence; reports the first entry that does not match.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AtomicReference<ChainVerification> broken = new AtomicReference<>();
        long[] checked = {0};
        String[] previous = {AuditChain.GENESIS};
        long[] expectedSeq = {1};
        jdbc.sql("SELECT * FROM audit_entry ORDER BY seq").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry entry = entry(rs, 0);
            checked[0]++;
            String problem = null;
            if (entry.seq() != expectedSeq[0]) {
                problem = "entry " + expectedSeq[0] + " is missing";
            } else if (!entry.previousHash().equals(previous[0])) {
                problem = "does not link to the entry before it";
            } else if (!entry.hash()
                    .equals(AuditChain.hash(
                            entry.seq(),
                            entry.at(),
                            entry.actor(),
                            entry.address(),
                            entry.action(),
                            entry.detail(),
                            entry.previousHash()))) {
                problem = "its content does not match its hash";
            }
            if (problem != null) {
                broken.set(new ChainVerification(false, checked[0], entry.seq(), problem));
            }
            previous[0] = entry.hash();
            expectedSeq[0] = entry.seq() + 1;
        });
        return broken.get() != null ? broken.get() : new ChainVerification(true, checked[0], null, null);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("address"),
                rs.getString("action"),
                rs.getString("detail"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
