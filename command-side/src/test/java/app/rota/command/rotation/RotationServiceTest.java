package app.rota.command.rotation;

import app.rota.command.lookup.CommandLookups;
import app.rota.command.lookup.CommandLookups.ShiftTypeFacts;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
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

    private CommandLookups lookups;
    private CommandGateway commands;
    private RotationService service;

    @BeforeEach
    void setUp() {
        lookups = mock(CommandLookups.class);
        commands = mock(CommandGateway.class);
        when(lookups.zoneOf(GROUP)).thenReturn(CHICAGO);
        when(lookups.rotatableMembers(GROUP)).thenReturn(List.of(ANN, BOB));
        when(lookups.activeShiftTypes(GROUP)).thenReturn(List.of(new ShiftTypeFacts(DAILY, GROUP,
                new ShiftTiming(LocalTime.of(8, 0), 24), EnumSet.allOf(DayOfWeek.class), false)));
        when(lookups.holidaysOf(GROUP)).thenReturn(Set.of());
        when(lookups.bookingsOfGroup(any(), any(), any())).thenReturn(List.of());
        when(lookups.timeOffOfGroup(any(), any(), any())).thenReturn(List.of());
        service = new RotationService(lookups, commands, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void everyPlannedSlotIsAssignedOnlyIfStillOpenWithTheRotationReason() {
        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).containsExactly(
                new AssignSlotCommand(new SlotKey(DAILY, FRIDAY), GROUP, ANN, "rotation", null, true),
                new AssignSlotCommand(new SlotKey(DAILY, SATURDAY), GROUP, BOB, "rotation", null, true));
        assertThat(result.assigned()).isEqualTo(2);
        assertThat(result.leftOpen()).isEmpty();
        assertThat(result.load()).containsExactly(new RotationService.MemberLoad(ANN, 1, 0),
                new RotationService.MemberLoad(BOB, 1, 1));
    }

    @Test
    void aSlotRefusedMeanwhileIsReportedOpenWithItsCodeAndNotCounted() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(argThat(c -> ((AssignSlotCommand) c).slot().date().equals(FRIDAY)));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.assigned()).isEqualTo(1);
        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, FRIDAY), "SLOT_ALREADY_ASSIGNED"));
        assertThat(result.load()).contains(new RotationService.MemberLoad(ANN, 0, 0));
    }

    @Test
    void aRefusedWeekendSlotIsNotCountedAsAWeekendSlot() {
        doThrow(new RotaException(ErrorCode.SLOT_ALREADY_ASSIGNED, "taken"))
                .when(commands).sendAndWait(argThat(c -> ((AssignSlotCommand) c).slot().date().equals(SATURDAY)));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        assertThat(result.leftOpen()).containsExactly(
                new RotationService.LeftOpen(new SlotKey(DAILY, SATURDAY), "SLOT_ALREADY_ASSIGNED"));
        assertThat(result.load()).containsExactly(new RotationService.MemberLoad(ANN, 1, 0),
                new RotationService.MemberLoad(BOB, 0, 0));
        assertThat(result.weekendAndHolidaySpread()).isZero();
    }

    @Test
    void pastSlotsAreNotPlanned() {
        service = new RotationService(lookups, commands, Clock.fixed(Instant.parse("2026-03-06T15:00:00Z"), ZoneOffset.UTC));

        RotationService.Result result = service.generate(new RotationService.Request(GROUP, FRIDAY, SATURDAY, null, null));

        verify(commands).sendAndWait(new AssignSlotCommand(new SlotKey(DAILY, SATURDAY), GROUP, ANN, "rotation", null, true));
        verify(commands, times(1)).sendAndWait(any());
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
}
