package app.rota.kernel.directory;

import app.rota.kernel.member.MemberId;

public record MemberLogin(MemberId memberId, String username) {
}
