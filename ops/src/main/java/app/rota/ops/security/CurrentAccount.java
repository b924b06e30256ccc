package app.rota.ops.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as the accounts table says right now (read once per request): a super admin, or a
 * member's login in one group with that group's role. Attached to the request's authentication.
 */
public record CurrentAccount(UUID accountId, String username, boolean superAdmin, UUID memberId, UUID groupId,
                             String groupRole) {

    /** The caller's role in the group, if they belong to it; a super admin belongs to every group. */
    Optional<String> roleIn(UUID group) {
        if (superAdmin) {
            return Optional.of("SUPER_ADMIN");
        }
        return group.equals(groupId) && groupRole != null ? Optional.of(groupRole) : Optional.empty();
    }
}
