package app.rota.kernel.member;

/** A member as other resources name them: id and name. */
public record MemberRef(MemberId memberId, String name) {
}
