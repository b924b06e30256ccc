package app.rota.command.member;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.MemberId;

/**
 * Logins for members, kept outside the event store (credentials must stay changeable and erasable).
 * Implemented by the application module; every call joins the transaction of the command it serves.
 */
public interface MemberLogins {

    /** Creates the member's login; refuses a username already taken with {@code USERNAME_TAKEN}. */
    void create(MemberId memberId, GroupId groupId, MemberRole role, String username, String password);

    void roleChanged(MemberId memberId, MemberRole role);

    void disabled(MemberId memberId);
}
