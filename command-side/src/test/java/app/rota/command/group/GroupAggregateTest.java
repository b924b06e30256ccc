package app.rota.command.group;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.ChangeGroupSettingsCommand;
import app.rota.kernel.group.CreateGroupCommand;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;



class GroupAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupSettings DEFAULTS = GroupSettings.defaults();

    private FixtureConfiguration<GroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupAggregate.class);
    }

    @Test
    void aGroupIsCreatedWithItsTrimmedNameZoneAndDefaultSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupCommand(GROUP, "  Cardiology  ", "America/Chicago", null))
                .expectEvents(new GroupCreatedEvent(GROUP, "Cardiology", ZoneId.of("America/Chicago"), DEFAULTS));
    }

    @Test
    void holidaysAreStoredSortedWithoutRepeats() {
        GroupSettings given = withHolidays(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25)));
        fixture.givenNoPriorActivity()
                .when(new CreateGroupCommand(GROUP, "ER", "UTC", given))
                .expectEvents(new GroupCreatedEvent(GROUP, "ER", ZoneId.of("UTC"),
                        withHolidays(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25)))));
    }

    @Test
    void aGroupNeedsANonBlankName() {
        expectRefusal(new CreateGroupCommand(GROUP, "   ", "UTC", null), ErrorCode.NAME_BLANK, "name");
        expectRefusal(new CreateGroupCommand(GROUP, null, "UTC", null), ErrorCode.NAME_BLANK, "name");
    }

    @Test
    void aGroupNameHasAtMostOneHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupCommand(GROUP, "x".repeat(100), "UTC", null))
                .expectSuccessfulHandlerExecution();
        expectRefusal(new CreateGroupCommand(GROUP, "x".repeat(101), "UTC", null), ErrorCode.NAME_TOO_LONG, "name");
    }

    @Test
    void aGroupNeedsAnIanaTimeZoneNotARawOffsetOrAnUnknownName() {
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "Mars/Olympus_Mons", null), ErrorCode.TIME_ZONE_UNKNOWN, "timeZone");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "+02:00", null), ErrorCode.TIME_ZONE_UNKNOWN, "timeZone");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "", null), ErrorCode.FIELD_REQUIRED, "timeZone");
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirField() {
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "UTC", withLead(-1)), ErrorCode.SETTING_INVALID, "settings.reminderLeadMinutes");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "UTC", withLead(7 * 24 * 60 + 1)), ErrorCode.SETTING_INVALID, "settings.reminderLeadMinutes");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "UTC", withEscalation(0)), ErrorCode.SETTING_INVALID, "settings.escalationTimeoutMinutes");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "UTC", withHolidays(Arrays.asList(LocalDate.of(2026, 1, 1), null))),
                ErrorCode.SETTING_INVALID, "settings.holidays");
        expectRefusal(new CreateGroupCommand(GROUP, "ER", "UTC", new GroupSettings(false, false, null, 0,
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 60, List.of())), ErrorCode.SETTING_INVALID, "settings.dailyReminderTime");
    }

    @Test
    void changedSettingsRecordBothTheBeforeAndTheAfter() {
        GroupSettings after = withLead(30);
        fixture.given(new GroupCreatedEvent(GROUP, "ER", ZoneId.of("UTC"), DEFAULTS))
                .when(new ChangeGroupSettingsCommand(GROUP, after))
                .expectEvents(new GroupSettingsChangedEvent(GROUP, DEFAULTS, after))
                .expectResultMessagePayload(after);
    }

    @Test
    void changedHolidaysAreRecordedWithTheSettingsBefore() {
        GroupSettings after = withHolidays(List.of(LocalDate.of(2026, 7, 4)));
        fixture.given(new GroupCreatedEvent(GROUP, "ER", ZoneId.of("UTC"), DEFAULTS))
                .when(new ChangeGroupSettingsCommand(GROUP, after))
                .expectEvents(new GroupSettingsChangedEvent(GROUP, DEFAULTS, after));
    }

    @Test
    void settingsThatChangeNothingRecordNothing() {
        fixture.given(new GroupCreatedEvent(GROUP, "ER", ZoneId.of("UTC"), DEFAULTS))
                .when(new ChangeGroupSettingsCommand(GROUP, GroupSettings.defaults()))
                .expectNoEvents()
                .expectResultMessagePayload(DEFAULTS);
    }

    @Test
    void invalidSettingsChangeNothing() {
        fixture.given(new GroupCreatedEvent(GROUP, "ER", ZoneId.of("UTC"), DEFAULTS))
                .when(new ChangeGroupSettingsCommand(GROUP, withEscalation(0)))
                .expectNoEvents()
                .expectException(RotaException.class);
    }

    private void expectRefusal(Object command, ErrorCode code, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<RotaException>(code + " on field " + field) {
                    @Override
                    protected boolean matchesSafely(RotaException e) {
                        return e.code() == code && Objects.equals(e.field(), field);
                    }
                });
    }

    private static GroupSettings withLead(int minutes) {
        return new GroupSettings(false, false, DEFAULTS.dailyReminderTime(), minutes, DEFAULTS.quietHoursStart(),
                DEFAULTS.quietHoursEnd(), DEFAULTS.escalationTimeoutMinutes(), List.of());
    }

    private static GroupSettings withEscalation(int minutes) {
        return new GroupSettings(false, false, DEFAULTS.dailyReminderTime(), DEFAULTS.reminderLeadMinutes(),
                DEFAULTS.quietHoursStart(), DEFAULTS.quietHoursEnd(), minutes, List.of());
    }

    private static GroupSettings withHolidays(List<LocalDate> holidays) {
        return new GroupSettings(false, false, DEFAULTS.dailyReminderTime(), DEFAULTS.reminderLeadMinutes(),
                DEFAULTS.quietHoursStart(), DEFAULTS.quietHoursEnd(), DEFAULTS.escalationTimeoutMinutes(), holidays);
    }
}
