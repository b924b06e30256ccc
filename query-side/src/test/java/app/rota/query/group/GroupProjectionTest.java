package app.rota.query.group;

import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.query.support.ProjectionDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups projection as a plain object on a real PostgreSQL: its JPA repository is built by hand
 * (Hibernate validating the entity against the migrated table), and each event is handled in a
 * transaction, as Axon's unit of work does.
 */
class GroupProjectionTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final Instant CREATED_AT = Instant.parse("2026-05-04T09:15:30.123456Z");

    private static LocalContainerEntityManagerFactoryBean entityManagers;
    private static GroupViewRepository groups;
    private static TransactionTemplate transaction;

    private GroupProjection projection;

    @BeforeAll
    static void database() {
        DataSource database = ProjectionDatabase.migrated();
        entityManagers = new LocalContainerEntityManagerFactoryBean();
        entityManagers.setDataSource(database);
        entityManagers.setPackagesToScan(GroupView.class.getPackageName());
        entityManagers.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        // As Spring Boot and application.yml configure Hibernate: Boot's naming (snake_case columns), UTC
        // timestamps, the schema validated against the migrations, never generated.
        entityManagers.setJpaPropertyMap(Map.of(
                "hibernate.physical_naming_strategy", PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                "hibernate.implicit_naming_strategy", SpringImplicitNamingStrategy.class.getName(),
                "hibernate.jdbc.time_zone", "UTC",
                "hibernate.hbm2ddl.auto", "validate"));
        entityManagers.afterPropertiesSet();
        EntityManagerFactory factory = entityManagers.getObject();
        groups = new JpaRepositoryFactory(SharedEntityManagerCreator.createSharedEntityManager(factory))
                .getRepository(GroupViewRepository.class);
        transaction = new TransactionTemplate(new JpaTransactionManager(factory));
    }

    @AfterAll
    static void closeEntityManagers() {
        entityManagers.destroy();
    }

    @BeforeEach
    void emptyProjection() {
        projection = new GroupProjection(groups);
        handle(() -> projection.reset());
    }

    @Test
    void aCreatedGroupAnswersWithItsNameZoneSettingsCreationTimeAndVersionOne() {
        handle(() -> projection.on(created(), CREATED_AT, 0));

        GroupResponse group = projection.handle(new FindGroupQuery(GROUP));

        assertThat(group).isEqualTo(new GroupResponse(GROUP, "Night owls", "America/Chicago", GroupSettings.defaults(),
                CREATED_AT, 1));
    }

    @Test
    void changedSettingsReplaceTheOldOnesAndTheVersionCountsTheGroupsEvents() {
        GroupSettings after = new GroupSettings(true, true, LocalTime.of(7, 30), 45, LocalTime.of(23, 0),
                LocalTime.of(6, 0), 60, List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-07-04")));
        handle(() -> projection.on(created(), CREATED_AT, 0));
        handle(() -> projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), after), 1));

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
        handle(() -> projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), GroupSettings.defaults()), 1));

        assertThat(projection.handle(new FindGroupQuery(GROUP))).isNull();
    }

    @Test
    void resetThenHandlingTheEventsAgainGivesTheSameAnswer() {
        GroupSettings after = new GroupSettings(false, true, LocalTime.of(8, 0), 0, LocalTime.of(21, 0), LocalTime.of(9, 0), 30,
                List.of(LocalDate.parse("2026-01-01")));
        Runnable history = () -> {
            handle(() -> projection.on(created(), CREATED_AT, 0));
            handle(() -> projection.on(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), after), 1));
        };
        history.run();
        GroupResponse before = projection.handle(new FindGroupQuery(GROUP));

        handle(() -> projection.reset());
        assertThat(projection.handle(new FindGroupQuery(GROUP))).isNull();
        history.run();

        assertThat(projection.handle(new FindGroupQuery(GROUP))).isEqualTo(before);
    }

    private static GroupCreatedEvent created() {
        return new GroupCreatedEvent(GROUP, "Night owls", ZoneId.of("America/Chicago"), GroupSettings.defaults());
    }

    private static void handle(Runnable handler) {
        transaction.executeWithoutResult(status -> handler.run());
    }
}
