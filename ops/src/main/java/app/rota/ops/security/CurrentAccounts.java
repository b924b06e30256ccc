package app.rota.ops.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The account behind a request's token, read on every request (so a revoked token stops at once, on every
 * node): one indexed query for exactly the columns the request needs, outside any transaction. It was a
 * JPA repository read in a read-only transaction, several times this cost (docs/benchmarks.md, issue 12).
 */
@Component
class CurrentAccounts {

    private final JdbcTemplate jdbc;

    CurrentAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled account {@code id} if its token version is {@code tokenVersion}; empty otherwise. */
    Optional<CurrentAccount> enabledAtVersion(UUID id, long tokenVersion) {
        return jdbc.query("""
                        select id, username, super_admin, member_id, group_id, group_role from accounts
                        where id = ? and enabled and token_version = ?""",
                (rs, i) -> new CurrentAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6)),
                id, tokenVersion).stream().findFirst();
    }
}
