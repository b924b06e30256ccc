package app.rota.ops.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A login. Credentials live here, in a mutable table, and never in an event: they can be changed
 * and erased, which the event store cannot do.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private UUID id;
    private String username;
    private String email;
    private String passwordHash;
    private boolean superAdmin;
    private boolean enabled;
    private UUID memberId;
    private UUID groupId;
    private String groupRole;
    private long tokenVersion;
    private Instant createdAt;
    private Instant updatedAt;

    protected Account() {
    }

    static Account superAdmin(UUID id, String username, String passwordHash, Instant at) {
        Account account = new Account();
        account.id = id;
        account.username = username;
        account.passwordHash = passwordHash;
        account.superAdmin = true;
        account.enabled = true;
        account.createdAt = at;
        account.updatedAt = at;
        return account;
    }

    static Account member(UUID id, String username, String passwordHash, UUID memberId, UUID groupId, String groupRole,
                          Instant at) {
        Account account = new Account();
        account.id = id;
        account.username = username;
        account.passwordHash = passwordHash;
        account.enabled = true;
        account.memberId = memberId;
        account.groupId = groupId;
        account.groupRole = groupRole;
        account.createdAt = at;
        account.updatedAt = at;
        return account;
    }

    void roleChanged(String role, Instant at) {
        groupRole = role;
        updatedAt = at;
    }

    /** Disables the login; tokens issued before stop working. */
    void disable(Instant at) {
        enabled = false;
        tokenVersion++;
        updatedAt = at;
    }

    /** A new password; tokens issued before stop working. */
    void passwordChanged(String newHash, Instant at) {
        passwordHash = newHash;
        tokenVersion++;
        updatedAt = at;
    }

    /** Moves on with every password change and deactivation; a token of an older version is refused. */
    public long tokenVersion() {
        return tokenVersion;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID groupId() {
        return groupId;
    }

    public String groupRole() {
        return groupRole;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean isSuperAdmin() {
        return superAdmin;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
