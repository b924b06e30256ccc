package app.rota.kernel.member;

/** A member's role within their group. */
public enum MemberRole { ADMIN, MEMBER, AUDITOR }
