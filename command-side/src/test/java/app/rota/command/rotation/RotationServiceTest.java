package app.rota.command.rotation;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.MemberDirectory.MemberFacts;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.shifttype.ShiftTypeCatalogue.ShiftTypeFacts;
import app.rota.command.slot.Bookings;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.ShiftPattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.rotation.PublishRotationCommand;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class RotationServiceTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final MemberId ANN = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId BOB = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final ShiftTypeId DAILY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Friday 6 and Saturday 7 March 2026. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 7);
    private static final LocalDate SUNDAY = LocalDate.of(2026, 3, 8);
    private static final RotationId RUN = RotationId.of("00000000-0000-0000-0000-0000000000e1");
    private static final MetaData OF_THE_RUN = MetaData.with(RotationId.METADATA_KEY, RUN.toString());

    private GroupDirectory groups;
    private MemberDirectory members;
    private ShiftTypeCatalogue shiftTypes;
    private Bookings bookings;
    private TimeOffRegister timeOff;
    private CommandGateway commands;
    private RotationService service;

    @BeforeEach
    void setUp() {
        groups = mock(GroupDirectory.class);
        members = mock(MemberDirectory.class);
        shiftTypes = mock(ShiftTypeCatalogue.class);
        bookings = mock(Bookings.class);
        timeOff = mock(TimeOffRegister.class);
        commands = mock(CommandGateway.class);
        when(groups.zoneOf(GROUP)).thenReturn(CHICAGO);
        when(members.membersOf(GROUP)).thenReturn(List.of(new MemberFacts(ANN, GROUP, MemberRole.ADMIN, true),
                new MemberFacts(BOB, GROUP, MemberRole.MEMBER, true)));
        when(shiftTypes.activeShiftTypes(GROUP)).thenReturn(List.of(new ShiftTypeFacts(DAILY, GROUP,
                new ShiftPattern(new ShiftTiming(LocalTime.of(8, 0), 24), EnumSet.allOf(DayOfWeek.class)), false)));
        when(groups.holidaysOf(GROUP)).thenReturn(Set.of());
        when(bookings.bookingsAround(any(), any(), any(), any())).thenReturn(List.of());
        when(timeOff.timeOffOfGroup(any(), any(), any())).thenReturn(List.of());
        service = service(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void everyPlannedSlotIsAssignedOnlyIfStillOpenWithTheRotationReason() {
        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture(), any(MetaData.class));
        assertThat(sent.getAllValues()).containsExactly(
                new AssignSlotCommand(new SlotKey(DAILY, FRIDAY), GROUP, ANN, "rotation", null, true),
                new AssignSlotCommand(new SlotKey(DAILY, SATURDAY), GROUP, BOB, "rotation", null, true));
        assertThat(result.assigned()).isEqualTo(2);
        assertThat(result.leftOpen()).isEmpty();
        assertThat(result.load()).containsExactly(new RotationService.MemberLoad(ANN, 1, 0),
                new RotationService.MemberLoad(BOB, 1, 1));
    }

    @Test
    void everyAssignmentOfARunCarriesTheRunsIdInItsMetadataAndTheResultNamesTheRun() {
        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commands, times(2)).sendAndWait(any(AssignSlotCommand.class), metaData.capture());
        assertThat(metaData.getAllValues()).containsOnly(OF_THE_RUN);
        assertThat(result.rotationId()).isEqualTo(RUN);
    }

    @Test
    void aRunPublishesOneSummaryAfterItsAssignmentsWithEachMembersSlotsInStartOrderAndHowManyWereLeftOpen() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(argThat(assignmentOn(SATURDAY)), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SUNDAY, null, null));

        assertThat(result.assigned()).isEqualTo(2);
        InOrder order = inOrder(commands);
        order.verify(commands, times(3)).sendAndWait(any(AssignSlotCommand.class), any(MetaData.class));
        order.verify(commands).sendAndWait(new PublishRotationCommand(RUN, GROUP, FRIDAY, SUNDAY,
                List.of(new RotationShare(ANN, List.of(new SlotKey(DAILY, FRIDAY), new SlotKey(DAILY, SUNDAY)))), 1));
        verify(commands, times(1)).sendAndWait(any(PublishRotationCommand.class));
    }

    @Test
    void aRunThatAssignsNothingPublishesNothing() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(any(AssignSlotCommand.class), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.assigned()).isZero();
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aSummaryThatCannotBePublishedAfterACompleteRunIsTheAnswer() {
        doThrow(new IllegalStateException("connection reset"))
                .when(commands).sendAndWait(any(PublishRotationCommand.class));

        RuntimeException failure = catchThrowableOfType(RuntimeException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null)));

        assertThat(failure).hasMessage("connection reset");
        verify(commands, times(2)).sendAndWait(any(AssignSlotCommand.class), any(MetaData.class));
    }

    @Test
    void aSlotRefusedMeanwhileIsReportedOpenWithItsCodeAndNotCounted() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(argThat(assignmentOn(FRIDAY)), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.assigned()).isEqualTo(1);
        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, FRIDAY), "SLOT_ALREADY_ASSIGNED"));
        assertThat(result.load()).contains(new RotationService.MemberLoad(ANN, 0, 0));
    }

    @Test
    void aRefusedWeekendSlotIsNotCountedAsAWeekendSlot() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(argThat(assignmentOn(SATURDAY)), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, SATURDAY), "SLOT_ALREADY_ASSIGNED"));
        assertThat(result.load()).containsExactly(new RotationService.MemberLoad(ANN, 1, 0),
                new RotationService.MemberLoad(BOB, 0, 0));
        assertThat(result.weekendAndHolidaySpread()).isZero();
    }

    @Test
    void pastSlotsAreNotPlanned() {
        service = service(Clock.fixed(Instant.parse("2026-03-06T15:00:00Z"), ZoneOffset.UTC));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        verify(commands).sendAndWait(new AssignSlotCommand(new SlotKey(DAILY, SATURDAY), GROUP, ANN, "rotation", null, true),
                OF_THE_RUN);
        verify(commands, times(1)).sendAndWait(any(), any(MetaData.class));
        assertThat(result.assigned()).isEqualTo(1);
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        RotationService.Request request = new RotationService.Request(GROUP, SATURDAY, FRIDAY, null, null);

        assertThat(catchThrowableOfType(RotaException.class, () -> service.generate(request)))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DATE_RANGE_INVALID);
                    assertThat(e.field()).isEqualTo("to");
                });
    }

    @Test
    void aRefusalThatCameOverTheBusWrappedIsStillReportedWithItsCode() {
        doThrow(new CommandExecutionException("taken", null,
                new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId", "taken").toError()))
                .when(commands).sendAndWait(argThat(assignmentOn(FRIDAY)), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.assigned()).isEqualTo(1);
        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, FRIDAY), "MEMBER_DOUBLE_BOOKED"));
    }

    @Test
    void aSlotEditedByHandAtTheSameMomentIsLeftOpenAsAConcurrentModificationAndTheRotationGoesOn() {
        doThrow(new ConcurrencyException("the slot changed meanwhile"))
                .when(commands).sendAndWait(argThat(assignmentOn(FRIDAY)), any(MetaData.class));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.assigned()).isEqualTo(1);
        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, FRIDAY), "CONCURRENT_MODIFICATION"));
    }

    @Test
    void anUnexpectedFailureStopsTheRotationAndTheRefusalReportsWhatWasAssignedFailedAndNotAttempted() {
        LocalDate sunday = SUNDAY;
        doThrow(new IllegalStateException("connection reset"))
                .when(commands).sendAndWait(argThat(assignmentOn(SATURDAY)), any(MetaData.class));

        RotaException interrupted = catchThrowableOfType(RotaException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, sunday, null, null)));

        assertThat(interrupted.code()).isEqualTo(ErrorCode.ROTATION_INTERRUPTED);
        assertThat(interrupted.getCause()).hasMessage("connection reset");
        RotationService.Result report = (RotationService.Result) interrupted.current();
        assertThat(report.assigned()).isEqualTo(1);
        assertThat(report.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, SATURDAY), "FAILED"),
                new RotationService.LeftOpen(new SlotKey(DAILY, sunday), "NOT_ATTEMPTED"));
        assertThat(report.load()).containsExactly(new RotationService.MemberLoad(ANN, 1, 0),
                new RotationService.MemberLoad(BOB, 0, 0));
        verify(commands, times(2)).sendAndWait(any(AssignSlotCommand.class), any(MetaData.class));
    }

    @Test
    void anInterruptedRunPublishesWhatItDidAssignBeforeReportingTheInterruption() {
        doThrow(new IllegalStateException("connection reset"))
                .when(commands).sendAndWait(argThat(assignmentOn(SATURDAY)), any(MetaData.class));

        RotaException interrupted = catchThrowableOfType(RotaException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, SUNDAY, null, null)));

        assertThat(interrupted.code()).isEqualTo(ErrorCode.ROTATION_INTERRUPTED);
        verify(commands).sendAndWait(new PublishRotationCommand(RUN, GROUP, FRIDAY, SUNDAY,
                List.of(new RotationShare(ANN, List.of(new SlotKey(DAILY, FRIDAY)))), 2));
    }

    @Test
    void aSummaryThatCannotBePublishedDoesNotHideTheInterruption() {
        doThrow(new IllegalStateException("connection reset"))
                .when(commands).sendAndWait(argThat(assignmentOn(SATURDAY)), any(MetaData.class));
        IllegalStateException stillDown = new IllegalStateException("still no database");
        doThrow(stillDown).when(commands).sendAndWait(any(PublishRotationCommand.class));

        RotaException interrupted = catchThrowableOfType(RotaException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, SUNDAY, null, null)));

        assertThat(interrupted.code()).isEqualTo(ErrorCode.ROTATION_INTERRUPTED);
        assertThat(interrupted.getCause()).hasMessage("connection reset");
        assertThat(interrupted.getSuppressed()).containsExactly(stillDown);
    }

    @Test
    void anInterruptionBeforeAnyAssignmentPublishesNothing() {
        doThrow(new IllegalStateException("connection reset"))
                .when(commands).sendAndWait(argThat(assignmentOn(FRIDAY)), any(MetaData.class));

        RotaException interrupted = catchThrowableOfType(RotaException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null)));

        assertThat(interrupted.code()).isEqualTo(ErrorCode.ROTATION_INTERRUPTED);
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anAuditorNamedForTheRotationIsRefused() {
        MemberId auditor = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b3"));
        when(members.memberOf(GROUP, auditor, "memberIds")).thenReturn(new MemberFacts(auditor, GROUP, MemberRole.AUDITOR, true));

        RotaException refused = catchThrowableOfType(RotaException.class,
                () -> service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, List.of(auditor), null)));

        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBER_INACTIVE);
        verifyNoInteractions(commands);
    }

    private RotationService service(Clock clock) {
        return new RotationService(groups, members, shiftTypes, bookings, timeOff, commands, clock, RUN::value);
    }

    private static org.mockito.ArgumentMatcher<Object> assignmentOn(LocalDate date) {
        return command -> command instanceof AssignSlotCommand assignment && assignment.slot().date().equals(date);
    }
}
