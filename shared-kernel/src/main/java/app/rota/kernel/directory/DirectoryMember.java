package app.rota.kernel.directory;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;

/**
 * A member as the directory lists them. {@code phone} is E.164 in full for the group's admins (and a super
 * admin) and for the member themself, masked ({@code +1******4567}) for everyone else. {@code username} is their
 * login's, or null. {@code reachableBySms}: active and not opted out of SMS.
 */
public record DirectoryMember(MemberId id, String name, String phone, MemberRole role, boolean active, String username,
                              boolean reachableBySms) {

    public DirectoryMember withUsername(String login) {
        return new DirectoryMember(id, name, phone, role, active, login, reachableBySms);
    }
}
