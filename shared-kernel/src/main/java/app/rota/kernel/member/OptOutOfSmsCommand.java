package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member's number stops getting SMS: they texted {@code keyword} (STOP, UNSUBSCRIBE…), or Twilio
 * answered that the number unsubscribed (keyword {@code TWILIO_21610}). Opting out twice changes nothing.
 */
public record OptOutOfSmsCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, String keyword)
        implements GroupScoped {
}
