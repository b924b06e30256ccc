package app.rota.command.slot;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.shifttype.ShiftTypeCatalogue.ShiftTypeFacts;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.ShiftPattern;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotState;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.schedule.UnassignSlotCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SlotAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupId OTHER_GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final ShiftTypeId PRIMARY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ShiftTiming DAILY_24H_AT_8 = new ShiftTiming(LocalTime.of(8, 0), 24);

    /** Saturday before the spring-forward night of 8 March 2026 in Chicago: the 24 h slot lasts 23 real hours. */
    private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 7);
    private static final SlotKey SLOT = new SlotKey(PRIMARY, SATURDAY);
    private static final Instant START = Instant.parse("2026-03-07T14:00:00Z");
    private static final Instant END = Instant.parse("2026-03-08T13:00:00Z");
    private static final SlotAssignedEvent ANN_ASSIGNED =
            new SlotAssignedEvent(SLOT, GROUP, ANN, null, null, START, END);

    private FixtureConfiguration<SlotAggregate> fixture;
    private GroupDirectory groups;
    private ShiftTypeCatalogue shiftTypes;
    private MemberDirectory members;
    private Bookings bookings;

    @BeforeEach
    void setUp() {
        groups = mock(GroupDirectory.class);
        shiftTypes = mock(ShiftTypeCatalogue.class);
        members = mock(MemberDirectory.class);
        bookings = mock(Bookings.class);
        when(groups.zoneOf(GROUP)).thenReturn(CHICAGO);
        when(shiftTypes.shiftTypeOf(any(), any())).thenCallRealMethod();
        when(members.memberOf(any(), any(), any())).thenCallRealMethod();
        givenShiftType(new ShiftTypeFacts(PRIMARY, GROUP, new ShiftPattern(DAILY_24H_AT_8, EnumSet.allOf(DayOfWeek.class)), false));
        when(members.member(ANN)).thenReturn(Optional.of(new MemberFacts(ANN, GROUP, MemberRole.MEMBER, true)));
        when(members.member(BOB)).thenReturn(Optional.of(new MemberFacts(BOB, GROUP, MemberRole.MEMBER, true)));
        fixture = new AggregateTestFixture<>(SlotAggregate.class);
        fixture.registerInjectableResource(groups);
        fixture.registerInjectableResource(shiftTypes);
        fixture.registerInjectableResource(members);
        fixture.registerInjectableResource(bookings);
    }

    // ---- assigning

    @Test
    void assigningAnOpenSlotRecordsItsRealIntervalAcrossTheDstChangeAndAnswersVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, null, null))
                .expectEvents(new SlotAssignedEvent(SLOT, GROUP, ANN, null, null, START, END))
                .expectResultMessagePayload(new SlotState(SLOT, ANN, 1));
    }

    @Test
    void assigningBooksTheMemberForTheSlotsRealInterval() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, null, null))
                .expectSuccessfulHandlerExecution();
        verify(bookings).requireFree(eq(ANN), eq(SLOT), argThat((SlotInterval interval) ->
                interval.startInstant().equals(START) && interval.endInstant().equals(END)));
    }

    @Test
    void theReasonIsRecordedTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, "  covering for Bob  ", null))
                .expectEvents(new SlotAssignedEvent(SLOT, GROUP, ANN, null, "covering for Bob", START, END));
    }

    @Test
    void aStaleVersionOnAnotherGroupsShiftTypeIsNotFoundNotAConflictThatShowsTheSlot() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, OTHER_GROUP, BOB, null, 7L))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId"));
    }

    @Test
    void unassigningAnotherGroupsSlotIsNotFound() {
        fixture.given(ANN_ASSIGNED)
                .when(new UnassignSlotCommand(SLOT, OTHER_GROUP, null, 0L))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId"));
    }

    @Test
    void aSlotDateOutsideTheAcceptedYearsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(new SlotKey(PRIMARY, java.time.LocalDate.of(2400, 1, 1)), GROUP, ANN, null, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DATE_OUT_OF_RANGE, "date"));
    }

    @Test
    void aReasonWithAControlCharacterIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, "covering\u0000", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TEXT_INVALID, "reason"));
    }

    @Test
    void aReasonOfMoreThan500CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, "x".repeat(501), null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.REASON_TOO_LONG, "reason"));
    }

    @Test
    void reassigningRecordsThePreviousMember() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, BOB, null, null))
                .expectEvents(new SlotAssignedEvent(SLOT, GROUP, BOB, ANN, null, START, END))
                .expectResultMessagePayload(new SlotState(SLOT, BOB, 2));
    }

    @Test
    void assigningTheSameMemberAgainRecordsNothing() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new SlotState(SLOT, ANN, 1));
        verify(bookings, never()).requireFree(any(), any(), any());
    }

    @Test
    void anInactiveMemberCannotBeAssigned() {
        when(members.member(ANN)).thenReturn(Optional.of(new MemberFacts(ANN, GROUP, MemberRole.MEMBER, false)));
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.MEMBER_INACTIVE, "memberId");
    }

    @Test
    void aMemberOfAnotherGroupIsNotFound() {
        when(members.member(ANN)).thenReturn(Optional.of(new MemberFacts(ANN, OTHER_GROUP, MemberRole.MEMBER, true)));
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.MEMBER_NOT_FOUND, "memberId");
    }

    @Test
    void anUnknownMemberIsNotFound() {
        when(members.member(ANN)).thenReturn(Optional.empty());
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.MEMBER_NOT_FOUND, "memberId");
    }

    @Test
    void anAssignmentNeedsAMember() {
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, null, null, null), ErrorCode.FIELD_REQUIRED, "memberId");
    }

    @Test
    void aShiftTypeOfAnotherGroupIsNotFound() {
        givenShiftType(new ShiftTypeFacts(PRIMARY, OTHER_GROUP, new ShiftPattern(DAILY_24H_AT_8, EnumSet.allOf(DayOfWeek.class)), false));
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId");
    }

    @Test
    void anUnknownShiftTypeIsNotFound() {
        when(shiftTypes.shiftType(PRIMARY)).thenReturn(Optional.empty());
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId");
    }

    @Test
    void aDateTheShiftTypeDoesNotOccurOnHasNoSlot() {
        givenShiftType(new ShiftTypeFacts(PRIMARY, GROUP, new ShiftPattern(DAILY_24H_AT_8, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), false));
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.SLOT_NOT_FOUND, "date");
    }

    @Test
    void aRetiredShiftTypeCannotBeAssigned() {
        givenShiftType(new ShiftTypeFacts(PRIMARY, GROUP, new ShiftPattern(DAILY_24H_AT_8, EnumSet.allOf(DayOfWeek.class)), true));
        expectRefusedAssignment(new AssignSlotCommand(SLOT, GROUP, ANN, null, null), ErrorCode.SHIFT_TYPE_RETIRED, "shiftTypeId");
    }

    @Test
    void aStaleExpectedVersionIsAConflictCarryingTheCurrentState() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, BOB, null, 0L))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VERSION_CONFLICT, "expectedVersion", new SlotState(SLOT, ANN, 1)));
        verify(bookings, never()).requireFree(any(), any(), any());
    }

    @Test
    void anExpectedVersionAheadOfANewSlotIsAConflict() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, null, 1L))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VERSION_CONFLICT, "expectedVersion", new SlotState(SLOT, null, 0)));
    }

    @Test
    void expectedVersionZeroOnANewSlotIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, null, 0L))
                .expectEvents(ANN_ASSIGNED)
                .expectResultMessagePayload(new SlotState(SLOT, ANN, 1));
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, BOB, null, 1L))
                .expectEvents(new SlotAssignedEvent(SLOT, GROUP, BOB, ANN, null, START, END))
                .expectResultMessagePayload(new SlotState(SLOT, BOB, 2));
    }

    @Test
    void onlyIfOpenRefusesToReplaceAnAssignee() {
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, BOB, "rotation", null, true))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SLOT_ALREADY_ASSIGNED, null, new SlotState(SLOT, ANN, 1)));
        verify(bookings, never()).requireFree(any(), any(), any());
    }

    @Test
    void onlyIfOpenAssignsAnOpenSlot() {
        fixture.givenNoPriorActivity()
                .when(new AssignSlotCommand(SLOT, GROUP, ANN, "rotation", null, true))
                .expectEvents(new SlotAssignedEvent(SLOT, GROUP, ANN, null, "rotation", START, END));
    }

    @Test
    void anOverlappingBookingLeavesNoEvents() {
        doThrow(new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId", "overlaps"))
                .when(bookings).requireFree(eq(BOB), eq(SLOT), any());
        fixture.given(ANN_ASSIGNED)
                .when(new AssignSlotCommand(SLOT, GROUP, BOB, null, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId"));
    }

    // ---- unassigning

    @Test
    void unassigningRecordsThePreviousMemberAndReleasesTheBooking() {
        fixture.given(ANN_ASSIGNED)
                .when(new UnassignSlotCommand(SLOT, GROUP, " sick ", null))
                .expectEvents(new SlotUnassignedEvent(SLOT, GROUP, ANN, "sick"))
                .expectResultMessagePayload(new SlotState(SLOT, null, 2));
    }

    @Test
    void unassigningANeverAssignedSlotRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new UnassignSlotCommand(SLOT, GROUP, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new SlotState(SLOT, null, 0));
    }

    @Test
    void unassigningAnAlreadyUnassignedSlotRecordsNothing() {
        fixture.given(ANN_ASSIGNED, new SlotUnassignedEvent(SLOT, GROUP, ANN, null))
                .when(new UnassignSlotCommand(SLOT, GROUP, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new SlotState(SLOT, null, 2));
    }

    @Test
    void unassigningWithAStaleExpectedVersionIsAConflict() {
        fixture.given(ANN_ASSIGNED, new SlotUnassignedEvent(SLOT, GROUP, ANN, null), ANN_ASSIGNED)
                .when(new UnassignSlotCommand(SLOT, GROUP, null, 1L))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VERSION_CONFLICT, "expectedVersion", new SlotState(SLOT, ANN, 3)));
    }

    @Test
    void unassigningASlotOfARetiredShiftTypeReleasesItsBooking() {
        givenShiftType(new ShiftTypeFacts(PRIMARY, GROUP, new ShiftPattern(DAILY_24H_AT_8, EnumSet.allOf(DayOfWeek.class)), true));
        fixture.given(ANN_ASSIGNED)
                .when(new UnassignSlotCommand(SLOT, GROUP, null, null))
                .expectEvents(new SlotUnassignedEvent(SLOT, GROUP, ANN, null));
    }

    private void givenShiftType(ShiftTypeFacts facts) {
        when(shiftTypes.shiftType(PRIMARY)).thenReturn(Optional.of(facts));
    }

    private void expectRefusedAssignment(AssignSlotCommand command, ErrorCode code, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(refusal(code, field));
        verify(bookings, never()).requireFree(any(), any(), any());
    }
}
