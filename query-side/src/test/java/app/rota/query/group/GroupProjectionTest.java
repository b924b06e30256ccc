package app.rota.query.group;

import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.query.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups projection as a plain object on a real PostgreSQL (the migrated schema).
 */
class GroupProjectionTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final Instant CREATED_AT = Instant.parse("2026-05-04T09:15:30.123456Z");

    private static JdbcTemplate jdbc;

    private GroupProjection projection;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void emptyProjection() {
        projection = new GroupProjection(new GroupStore(jdbc));
        projection.reset();
    }

    @Test
    void aCreatedGroupAnswersWithItsNameZoneSettingsCreationTimeAndVersionOne() {
        projection.on(created(), CREATED_AT, 0);

        GroupResponse group = projection.handle(new FindGroupQuery(GROUP));

        assertThat(group).isEqualTo(new GroupResponse(GROUP, "Night owls", "America/Chicago", GroupSettings.defaults(),
                CREATED_AT, 1));
    }

    @Test
    void changedSettingsReplaceTheOldOnesAndTheVersionCountsTheGroupsEvents() {
        GroupSettings after = new GroupSettings(true, true, LocalTime.of(7, 30), 45, LocalTime.of(23, 0),
                LocalTime.of(6, 0), 60, List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-07-04")));
        projection.on(created(), CREATED_AT, 0);
        projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), after), 1);

        GroupResponse group = projection.handle(new FindGroupQuery(GROUP));

        assertThat(group.settings()).usingRecursiveComparison().ignoringFields("holidays").isEqualTo(after);
        assertThat(group.settings().holidays()).as("holidays in date order")
                .containsExactly(LocalDate.parse("2026-07-04"), LocalDate.parse("2026-12-25"));
        assertThat(group.version()).isEqualTo(2);
        assertThat(group.name()).isEqualTo("Night owls");
        assertThat(group.createdAt()).isEqualTo(CREATED_AT);
    }

    @Test
    void settingsChangedOfAGroupItHasNotSeenAreIgnoredAndTheGroupIsAbsent() {
        projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), GroupSettings.defaults()), 1);

        assertThat(projection.handle(new FindGroupQuery(GROUP))).isNull();
    }

    @Test
    void resetThenHandlingTheEventsAgainGivesTheSameAnswer() {
        GroupSettings after = new GroupSettings(false, true, LocalTime.of(8, 0), 0, LocalTime.of(21, 0), LocalTime.of(9, 0), 30,
                List.of(LocalDate.parse("2026-01-01")));
        Runnable history = () -> {
            projection.on(created(), CREATED_AT, 0);
            projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), after), 1);
        };
        history.run();
        GroupResponse before = projection.handle(new FindGroupQuery(GROUP));

        projection.reset();
        assertThat(projection.handle(new FindGroupQuery(GROUP))).isNull();
        history.run();

        assertThat(projection.handle(new FindGroupQuery(GROUP))).isEqualTo(before);
    }

    @Test
    void aRedeliveredCreationKeepsTheGroupAsItIsAndItsHolidaysOnce() {
        GroupSettings withHolidays = new GroupSettings(false, false, LocalTime.of(8, 0), 0, LocalTime.of(21, 0), LocalTime.of(9, 0), 30,
                List.of(LocalDate.parse("2026-12-25")));
        GroupCreatedEvent created = new GroupCreatedEvent(GROUP, "Night owls", ZoneId.of("America/Chicago"), withHolidays);
        projection.on(created, CREATED_AT, 0);
        projection.on(created, CREATED_AT, 0);

        assertThat(projection.handle(new FindGroupQuery(GROUP)).settings().holidays()).containsExactly(LocalDate.parse("2026-12-25"));
    }

    private static GroupCreatedEvent created() {
        return new GroupCreatedEvent(GROUP, "Night owls", ZoneId.of("America/Chicago"), GroupSettings.defaults());
    }
}
