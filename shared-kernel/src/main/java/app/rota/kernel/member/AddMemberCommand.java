package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a member; {@code phone} is as typed by the client and normalised to E.164 by the handler. A
 * null {@code role} is the default role; {@code login}, when given, creates the member's login in the
 * same transaction (its password goes to the accounts table, never into an event).
 */
public record AddMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, String name,
                               String phone, MemberRole role, NewLogin login) implements GroupScoped {

    /** A member added without a login. */
    public AddMemberCommand(MemberId memberId, GroupId groupId, String name, String phone, MemberRole role) {
        this(memberId, groupId, name, phone, role, null);
    }
}
