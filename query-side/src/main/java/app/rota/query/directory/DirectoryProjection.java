package app.rota.query.directory;

import app.rota.kernel.common.Actor;
import app.rota.kernel.directory.DirectoryMember;
import app.rota.kernel.directory.FindMemberQuery;
import app.rota.kernel.directory.FindMembersQuery;
import app.rota.kernel.directory.FindShiftTypesQuery;
import app.rota.kernel.directory.MemberDetailResponse;
import app.rota.kernel.directory.MembersResponse;
import app.rota.kernel.directory.ShiftTypesResponse;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.query.directory.DirectoryStore.MemberRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The group directory: its members (phone, role, active, reachable by SMS), shift types (retired ones flagged) and
 * the time off that still holds, in tables of its own. Any role of the group reads it; phone numbers and time-off
 * reasons are shown as {@link PersonalDetails} says. Usernames are not in events: the web layer adds them from the
 * logins.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
class DirectoryProjection {

    static final String PROCESSING_GROUP = "directory";

    private final DirectoryStore store;
    private final Clock clock;

    DirectoryProjection(DirectoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(GroupCreatedEvent e) {
        store.groupCreated(e.groupId(), e.timeZone());
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        store.memberAdded(e.memberId(), e.groupId(), e.name(), e.phone(), e.role());
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        store.memberChanged(e.memberId(), e.name(), e.phone(), e.role());
    }

    @EventHandler
    void on(MemberDeactivatedEvent e) {
        store.memberDeactivated(e.memberId());
    }

    @EventHandler
    void on(MemberOptedOutOfSmsEvent e) {
        store.smsOptedOut(e.memberId(), true);
    }

    @EventHandler
    void on(MemberOptedInToSmsEvent e) {
        store.smsOptedOut(e.memberId(), false);
    }

    @EventHandler
    void on(ShiftTypeDefinedEvent e) {
        store.shiftTypeDefined(e.shiftTypeId(), e.groupId(), e.name(), e.startTime(), e.durationHours(), e.daysOfWeek());
    }

    @EventHandler
    void on(ShiftTypeChangedEvent e) {
        store.shiftTypeChanged(e.shiftTypeId(), e.name(), e.daysOfWeek());
    }

    @EventHandler
    void on(ShiftTypeRetiredEvent e) {
        store.shiftTypeRetired(e.shiftTypeId());
    }

    @EventHandler
    void on(TimeOffDeclaredEvent e) {
        store.timeOffDeclared(e.timeOffId(), e.memberId(), e.groupId(), e.from(), e.to(), e.reason());
    }

    @EventHandler
    void on(TimeOffWithdrawnEvent e) {
        store.timeOffWithdrawn(e.timeOffId());
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    /** Active members by name; with {@code includeInactive} the deactivated ones too. */
    @QueryHandler
    MembersResponse handle(FindMembersQuery query, MetaData metaData) {
        zoneOf(query.groupId());
        Actor actor = Actor.fromMetaData(metaData);
        return new MembersResponse(store.members(query.groupId(), query.includeInactive()).stream()
                .map(row -> asSeenBy(actor, row)).toList());
    }

    /** The member (active or not) and their time off that ends today (group-local) or later. */
    @QueryHandler
    MemberDetailResponse handle(FindMemberQuery query, MetaData metaData) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(query.groupId())));
        MemberRow member = store.member(query.groupId(), query.memberId())
                .orElseThrow(() -> new RotaException(ErrorCode.MEMBER_NOT_FOUND, "No member " + query.memberId() + " in this group."));
        Actor actor = Actor.fromMetaData(metaData);
        return MemberDetailResponse.of(asSeenBy(actor, member),
                PersonalDetails.timeOffAsSeenBy(actor, member.id(), store.timeOff(member.id(), today)));
    }

    @QueryHandler
    ShiftTypesResponse handle(FindShiftTypesQuery query) {
        zoneOf(query.groupId());
        return new ShiftTypesResponse(store.shiftTypes(query.groupId()));
    }

    private ZoneId zoneOf(GroupId groupId) {
        return store.zoneOf(groupId)
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }

    private static DirectoryMember asSeenBy(Actor actor, MemberRow row) {
        return new DirectoryMember(row.id(), row.name(), PersonalDetails.phoneAsSeenBy(actor, row.id(), row.phone()), row.role(),
                row.active(), null, row.reachableBySms());
    }
}
