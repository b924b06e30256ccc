package app.rota.command.shifttype;

import app.rota.command.group.GroupDirectory;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.ChangeShiftTypeCommand;
import app.rota.kernel.schedule.DefineShiftTypeCommand;
import app.rota.kernel.schedule.RetireShiftTypeCommand;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ShiftTypeAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupId OTHER_GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final ShiftTypeId PRIMARY = new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
    private static final ShiftTypeDefinedEvent PRIMARY_DEFINED =
            new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", EIGHT, 24, WEEKDAYS);

    private FixtureConfiguration<ShiftTypeAggregate> fixture;
    private GroupDirectory groups;

    @BeforeEach
    void setUp() {
        groups = mock(GroupDirectory.class);
        when(groups.zoneOf(GROUP)).thenReturn(ZoneId.of("America/Chicago"));
        fixture = new AggregateTestFixture<>(ShiftTypeAggregate.class);
        fixture.registerInjectableResource(groups);
    }

    // ---- defining

    @Test
    void definingRecordsTheShiftTypeWithItsDaysAsGiven() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(SATURDAY, SUNDAY));
        fixture.givenNoPriorActivity()
                .when(new DefineShiftTypeCommand(PRIMARY, GROUP, "  Weekend  ", EIGHT, 48, days))
                .expectEvents(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Weekend", EIGHT, 48, EnumSet.of(SATURDAY, SUNDAY)));
    }

    @Test
    void definingWithAnImmutableSetOfDaysIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new DefineShiftTypeCommand(PRIMARY, GROUP, "Primary", EIGHT, 24, Set.of(MONDAY, WEDNESDAY)))
                .expectEvents(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", EIGHT, 24, EnumSet.of(MONDAY, WEDNESDAY)));
    }

    @Test
    void aShiftWithoutADurationIsRefusedAsAMissingField() {
        expectRefusedDefinition(new DefineShiftTypeCommand(PRIMARY, GROUP, "Primary", EIGHT, null, WEEKDAYS),
                ErrorCode.FIELD_REQUIRED, "durationHours");
    }

    @Test
    void aShiftOfNoHoursIsRefused() {
        expectRefusedDefinition(define(0, WEEKDAYS), ErrorCode.DURATION_INVALID, "durationHours");
    }

    @Test
    void aShiftLongerThanAWeekIsRefused() {
        expectRefusedDefinition(define(169, WEEKDAYS), ErrorCode.DURATION_INVALID, "durationHours");
    }

    @Test
    void aShiftOfOneHourIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(define(1, WEEKDAYS))
                .expectEvents(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", EIGHT, 1, WEEKDAYS));
    }

    @Test
    void aShiftOfExactlyAWeekIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(define(168, EnumSet.of(MONDAY)))
                .expectEvents(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", EIGHT, 168, EnumSet.of(MONDAY)));
    }

    @Test
    void aShiftTypeWithoutAStartTimeIsRefused() {
        expectRefusedDefinition(new DefineShiftTypeCommand(PRIMARY, GROUP, "Primary", null, 24, WEEKDAYS),
                ErrorCode.START_TIME_INVALID, "startTime");
    }

    @Test
    void aShiftTypeWithNoDaysIsRefused() {
        expectRefusedDefinition(define(24, EnumSet.noneOf(DayOfWeek.class)), ErrorCode.DAYS_OF_WEEK_INVALID, "daysOfWeek");
    }

    @Test
    void aShiftTypeWithoutDaysIsRefused() {
        expectRefusedDefinition(define(24, null), ErrorCode.DAYS_OF_WEEK_INVALID, "daysOfWeek");
    }

    @Test
    void aShiftTypeWithAnUnreadableDayIsRefused() {
        expectRefusedDefinition(define(24, new HashSet<>(Arrays.asList(MONDAY, null))), ErrorCode.DAYS_OF_WEEK_INVALID,
                "daysOfWeek");
    }

    @Test
    void aShiftTypeNeedsAName() {
        expectRefusedDefinition(new DefineShiftTypeCommand(PRIMARY, GROUP, " ", EIGHT, 24, WEEKDAYS),
                ErrorCode.NAME_BLANK, "name");
    }

    @Test
    void aShiftTypeOfAnUnknownGroupIsRefused() {
        when(groups.zoneOf(OTHER_GROUP)).thenThrow(new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group."));
        expectRefusedDefinition(new DefineShiftTypeCommand(PRIMARY, OTHER_GROUP, "Primary", EIGHT, 24, WEEKDAYS),
                ErrorCode.GROUP_NOT_FOUND, null);
    }

    // ---- changing

    @Test
    void aRenameRecordsTheNewNameAndKeepsTheDays() {
        fixture.given(PRIMARY_DEFINED)
                .when(new ChangeShiftTypeCommand(PRIMARY, GROUP, "First call", null))
                .expectEvents(new ShiftTypeChangedEvent(PRIMARY, GROUP, "First call", WEEKDAYS));
    }

    @Test
    void newDaysAreRecorded() {
        fixture.given(PRIMARY_DEFINED)
                .when(new ChangeShiftTypeCommand(PRIMARY, GROUP, null, EnumSet.of(SATURDAY, SUNDAY)))
                .expectEvents(new ShiftTypeChangedEvent(PRIMARY, GROUP, "Primary", EnumSet.of(SATURDAY, SUNDAY)));
    }

    @Test
    void aChangeOfNothingRecordsNothing() {
        fixture.given(PRIMARY_DEFINED)
                .when(new ChangeShiftTypeCommand(PRIMARY, GROUP, "Primary", EnumSet.copyOf(WEEKDAYS)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRetiredShiftTypeCannotBeChanged() {
        fixture.given(PRIMARY_DEFINED, new ShiftTypeRetiredEvent(PRIMARY, GROUP))
                .when(new ChangeShiftTypeCommand(PRIMARY, GROUP, "First call", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SHIFT_TYPE_RETIRED, null));
    }

    @Test
    void aChangeThroughAnotherGroupFindsNoShiftType() {
        fixture.given(PRIMARY_DEFINED)
                .when(new ChangeShiftTypeCommand(PRIMARY, OTHER_GROUP, "First call", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SHIFT_TYPE_NOT_FOUND, null));
    }

    // ---- retiring

    @Test
    void retiringIsRecorded() {
        fixture.given(PRIMARY_DEFINED)
                .when(new RetireShiftTypeCommand(PRIMARY, GROUP))
                .expectEvents(new ShiftTypeRetiredEvent(PRIMARY, GROUP));
    }

    @Test
    void retiringTwiceRecordsOnce() {
        fixture.given(PRIMARY_DEFINED, new ShiftTypeRetiredEvent(PRIMARY, GROUP))
                .when(new RetireShiftTypeCommand(PRIMARY, GROUP))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retiringThroughAnotherGroupFindsNoShiftType() {
        fixture.given(PRIMARY_DEFINED)
                .when(new RetireShiftTypeCommand(PRIMARY, OTHER_GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SHIFT_TYPE_NOT_FOUND, null));
    }

    private static DefineShiftTypeCommand define(int durationHours, Set<DayOfWeek> days) {
        return new DefineShiftTypeCommand(PRIMARY, GROUP, "Primary", EIGHT, durationHours, days);
    }

    private void expectRefusedDefinition(DefineShiftTypeCommand command, ErrorCode code, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(refusal(code, field));
    }
}
