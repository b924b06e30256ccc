package app.rota.command.member;

import app.rota.command.Names;
import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.Bookings;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.DateRange;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.AddMemberCommand;
import app.rota.kernel.member.ChangeMemberCommand;
import app.rota.kernel.member.DeactivateMemberCommand;
import app.rota.kernel.member.DeclareTimeOffCommand;
import app.rota.kernel.member.LoginRules;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.NewLogin;
import app.rota.kernel.member.OptInToSmsCommand;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffResponse;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.member.WithdrawTimeOffCommand;
import app.rota.kernel.member.MemberId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of one group: name, phone, role, active, whether their number opted out of SMS, and the time off
 * they declared (withdrawn or not). Deactivation keeps every past record.
 */
@Aggregate
class MemberAggregate {

    static final int MAX_TIME_OFF_DAYS = 366;
    /** The role of a member added without one: takes call, edits nothing. */
    static final MemberRole DEFAULT_ROLE = MemberRole.MEMBER;

    @AggregateIdentifier
    private MemberId memberId;
    private GroupId groupId;
    private String name;
    private String phone;
    private MemberRole role;
    private boolean active;
    private boolean optedOut;
    private final Map<TimeOffId, DeclaredTimeOff> timeOff = new HashMap<>();

    /** One declaration of time off, as this member's history tells it. */
    private record DeclaredTimeOff(LocalDate from, LocalDate to, boolean withdrawn) {
    }

    MemberAggregate() {
    }

    /** The member joins the group; with a login, the login is created in the same transaction (both or neither). */
    @CommandHandler
    MemberAggregate(AddMemberCommand command, GroupDirectory groups, MemberDirectory members, MemberLogins logins) {
        NewLogin login = validLogin(command.login());
        groups.zoneOf(command.groupId());
        String name = Names.valid(command.name(), "The member");
        String phone = PhoneNumbers.normalised(command.phone());
        MemberRole role = Objects.requireNonNullElse(command.role(), DEFAULT_ROLE);
        members.requirePhoneFree(command.groupId(), phone, command.memberId());
        apply(new MemberAddedEvent(command.memberId(), command.groupId(), name, phone, role));
        if (login != null) {
            logins.create(command.memberId(), command.groupId(), role, login.username(), login.password());
        }
    }

    private static NewLogin validLogin(NewLogin login) {
        if (login == null) {
            return null;
        }
        String username = LoginRules.validUsername(login.username());
        return new NewLogin(username, LoginRules.validPassword(login.password(), "password"));
    }

    @CommandHandler
    void handle(ChangeMemberCommand command, MemberDirectory members, MemberLogins logins) {
        requireGroup(command.groupId());
        String newName = command.name() == null ? name : Names.valid(command.name(), "The member");
        String newPhone = command.phone() == null ? phone : PhoneNumbers.normalised(command.phone());
        MemberRole newRole = command.role() == null ? role : command.role();
        if (newName.equals(name) && newPhone.equals(phone) && newRole == role) {
            return;
        }
        if (!newPhone.equals(phone)) {
            members.requirePhoneFree(groupId, newPhone, memberId);
        }
        if (newRole != role) {
            logins.roleChanged(memberId, newRole);
        }
        apply(new MemberChangedEvent(memberId, groupId, newName, newPhone, newRole, name, phone, role));
    }

    @CommandHandler
    void handle(DeactivateMemberCommand command, MemberLogins logins) {
        requireGroup(command.groupId());
        if (!active) {
            return;
        }
        logins.disabled(memberId);
        apply(new MemberDeactivatedEvent(memberId, groupId));
    }

    /** By the member for themselves, or by an admin for them (the event records whom the admin acted for). */
    @CommandHandler
    TimeOffResponse handle(DeclareTimeOffCommand command, Actor actor, Bookings bookings) {
        requireGroup(command.groupId());
        actor.requireMayActFor(memberId);
        DateRange.checked(command.from(), command.to(), MAX_TIME_OFF_DAYS, "Time off");
        String reason = Text.reason(command.reason(), "reason");
        if (!active) {
            throw new RotaException(ErrorCode.MEMBER_INACTIVE, "memberId", "The member is deactivated.");
        }
        if (command.timeOffId() == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "timeOffId", "The time off needs an id.");
        }
        if (timeOff.containsKey(command.timeOffId())) {
            throw new RotaException(ErrorCode.TIME_OFF_ID_TAKEN, "timeOffId",
                    "The member already declared time off " + command.timeOffId() + ".");
        }
        apply(new TimeOffDeclaredEvent(memberId, groupId, command.timeOffId(), command.from(), command.to(), reason),
                MetaData.from(actor.actingFor(memberId)));
        return new TimeOffResponse(command.timeOffId(), command.from(), command.to(),
                bookings.bookingsOf(memberId, command.from(), command.to()));
    }

    /**
     * Withdraws a declaration of time off: whoever may declare it (the member, or an admin for them) may withdraw
     * it, past or future, even once the member is deactivated. Unknown to this member: 404; withdrawn before: 409.
     */
    @CommandHandler
    void handle(WithdrawTimeOffCommand command, Actor actor) {
        requireGroup(command.groupId());
        actor.requireMayActFor(memberId);
        DeclaredTimeOff declared = command.timeOffId() == null ? null : timeOff.get(command.timeOffId());
        if (declared == null) {
            throw new RotaException(ErrorCode.TIME_OFF_NOT_FOUND, "timeOffId",
                    "No time off " + command.timeOffId() + " for this member.");
        }
        if (declared.withdrawn()) {
            throw new RotaException(ErrorCode.TIME_OFF_WITHDRAWN, "timeOffId",
                    "The time off " + command.timeOffId() + " was already withdrawn.");
        }
        apply(new TimeOffWithdrawnEvent(memberId, groupId, command.timeOffId(), declared.from(), declared.to()),
                MetaData.from(actor.actingFor(memberId)));
    }

    /**
     * The member's number stops getting SMS: by the member (an SMS STOP), an admin for them, or the system
     * (the carrier said the number unsubscribed). Even a deactivated member's number may opt out: it is the
     * phone owner's right. A second opt-out (a STOP that arrives twice) records nothing and refuses nothing.
     */
    @CommandHandler
    void handle(OptOutOfSmsCommand command, Actor actor) {
        requireGroup(command.groupId());
        actor.requireMayActFor(memberId);
        String keyword = SmsKeywords.valid(command.keyword());
        if (optedOut) {
            return;
        }
        apply(new MemberOptedOutOfSmsEvent(memberId, groupId, keyword), MetaData.from(actor.actingFor(memberId)));
    }

    /** The member's number gets SMS again; the same people may do it as opt out, and opting in twice records nothing. */
    @CommandHandler
    void handle(OptInToSmsCommand command, Actor actor) {
        requireGroup(command.groupId());
        actor.requireMayActFor(memberId);
        String keyword = SmsKeywords.valid(command.keyword());
        if (!optedOut) {
            return;
        }
        apply(new MemberOptedInToSmsEvent(memberId, groupId, keyword), MetaData.from(actor.actingFor(memberId)));
    }

    /** A member of another group is, to this group, a member that does not exist. */
    private void requireGroup(GroupId requested) {
        if (!groupId.equals(requested)) {
            throw new RotaException(ErrorCode.MEMBER_NOT_FOUND, "No member " + memberId + " in this group.");
        }
    }

    @EventSourcingHandler
    void on(MemberAddedEvent event) {
        memberId = event.memberId();
        groupId = event.groupId();
        name = event.name();
        phone = event.phone();
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(MemberChangedEvent event) {
        name = event.name();
        phone = event.phone();
        role = event.role();
    }

    @EventSourcingHandler
    void on(MemberDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(TimeOffDeclaredEvent event) {
        timeOff.put(event.timeOffId(), new DeclaredTimeOff(event.from(), event.to(), false));
    }

    @EventSourcingHandler
    void on(TimeOffWithdrawnEvent event) {
        timeOff.computeIfPresent(event.timeOffId(), (id, declared) -> new DeclaredTimeOff(declared.from(), declared.to(), true));
    }

    @EventSourcingHandler
    void on(MemberOptedOutOfSmsEvent event) {
        optedOut = true;
    }

    @EventSourcingHandler
    void on(MemberOptedInToSmsEvent event) {
        optedOut = false;
    }
}
