package app.rota.kernel.directory;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;

import java.util.List;

/** A {@link DirectoryMember}'s fields and the member's time off that has not ended, earliest first. */
public record MemberDetailResponse(MemberId id, String name, String phone, MemberRole role, boolean active, String username,
                                   boolean reachableBySms, List<TimeOffEntry> timeOff) {

    public static MemberDetailResponse of(DirectoryMember member, List<TimeOffEntry> timeOff) {
        return new MemberDetailResponse(member.id(), member.name(), member.phone(), member.role(), member.active(),
                member.username(), member.reachableBySms(), timeOff);
    }

    public MemberDetailResponse withUsername(String login) {
        return new MemberDetailResponse(id, name, phone, role, active, login, reachableBySms, timeOff);
    }
}
