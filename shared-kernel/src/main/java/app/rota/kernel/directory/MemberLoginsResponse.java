package app.rota.kernel.directory;

import app.rota.kernel.member.MemberId;

import java.util.List;

public record MemberLoginsResponse(List<MemberLogin> logins) {

    /** The member's username, or null when they have no login. */
    public String usernameOf(MemberId member) {
        return logins.stream().filter(login -> login.memberId().equals(member)).map(MemberLogin::username)
                .findFirst().orElse(null);
    }
}
