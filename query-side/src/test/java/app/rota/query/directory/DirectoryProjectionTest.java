package app.rota.query.directory;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.directory.DirectoryMember;
import app.rota.kernel.directory.FindMemberQuery;
import app.rota.kernel.directory.FindMembersQuery;
import app.rota.kernel.directory.FindShiftTypesQuery;
import app.rota.kernel.directory.ShiftTypeEntry;
import app.rota.kernel.directory.TimeOffEntry;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.query.support.Deliveries;
import app.rota.query.support.ProjectionDatabase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The directory projection as a plain object on a real PostgreSQL: events in through its handlers, reads out of its queries. */
class DirectoryProjectionTest {

    private static final GroupId GROUP = id(GroupId::new, "a1");
    private static final GroupId OTHER_GROUP = id(GroupId::new, "a2");
    private static final MemberId ADA = id(MemberId::new, "b1");
    private static final MemberId BOB = id(MemberId::new, "b2");
    private static final MemberId CID = id(MemberId::new, "b3");
    private static final MemberId OTTO = id(MemberId::new, "b9");
    private static final ShiftTypeId PRIMARY = id(ShiftTypeId::new, "c1");
    private static final ShiftTypeId NIGHT = id(ShiftTypeId::new, "c2");
    private static final String ADA_PHONE = "+13125550101";
    private static final String BOB_PHONE = "+447700900123";
    /** 03:00 UTC on 10 March is still 9 March in Chicago: the group's today. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-03-10T03:00:00Z"), ZoneOffset.UTC);

    private static JdbcTemplate jdbc;

    private DirectoryProjection projection;
    private Deliveries deliveries;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void aChicagoGroupWithAnAdminAMemberAndAnAuditor() {
        projection = new DirectoryProjection(new DirectoryStore(jdbc), NOW);
        projection.reset();
        deliveries = new Deliveries(projection, Instant.parse("2027-01-01T00:00:00Z"));
        deliveries.event(new GroupCreatedEvent(GROUP, "Team", ZoneId.of("America/Chicago"), GroupSettings.defaults()));
        deliveries.event(new GroupCreatedEvent(OTHER_GROUP, "Other", ZoneId.of("UTC"), GroupSettings.defaults()));
        deliveries.event(new MemberAddedEvent(BOB, GROUP, "bob", BOB_PHONE, MemberRole.MEMBER));
        deliveries.event(new MemberAddedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.ADMIN));
        deliveries.event(new MemberAddedEvent(CID, GROUP, "Cid", "+13125550103", MemberRole.AUDITOR));
        deliveries.event(new MemberAddedEvent(OTTO, OTHER_GROUP, "Otto", "+13125550109", MemberRole.MEMBER));
    }

    @Test
    void membersAreListedByNameWhateverTheCaseAndTheDeactivatedOnesOnlyOnRequest() {
        deliveries.event(new MemberDeactivatedEvent(CID, GROUP));

        assertThat(members(false, admin())).extracting(DirectoryMember::name).containsExactly("Ada", "bob");
        assertThat(members(true, admin())).extracting(DirectoryMember::name, DirectoryMember::active, DirectoryMember::reachableBySms)
                .containsExactly(tuple("Ada", true, true), tuple("bob", true, true), tuple("Cid", false, false));
    }

    @Test
    void aMemberSeesTheirOwnPhoneInFullAndEveryOtherMaskedAfterItsCountryCode() {
        Map<String, String> phones = phonesSeenBy(member(BOB));

        assertThat(phones).containsEntry("bob", BOB_PHONE).containsEntry("Ada", "+1******0101").containsEntry("Cid", "+1******0103");
    }

    @Test
    void adminsAndTheSuperAdminSeeEveryPhoneAndAnAuditorOnlyTheirOwn() {
        assertThat(phonesSeenBy(admin())).containsEntry("bob", BOB_PHONE).containsEntry("Cid", "+13125550103");
        assertThat(phonesSeenBy(superAdmin())).containsEntry("bob", BOB_PHONE).containsEntry("Ada", ADA_PHONE);
        assertThat(phonesSeenBy(auditor(CID))).containsEntry("Cid", "+13125550103").containsEntry("Ada", "+1******0101")
                .as("a two-digit country code stays").containsEntry("bob", "+44******0123");
        assertThat(projection.handle(new FindMemberQuery(GROUP, ADA), member(BOB)).phone()).isEqualTo("+1******0101");
    }

    @Test
    void aChangedMemberShowsTheirNewDetailsAndAnOptOutMakesThemUnreachable() {
        deliveries.event(new MemberChangedEvent(BOB, GROUP, "Robert", "+13125550142", MemberRole.ADMIN, "bob", BOB_PHONE,
                MemberRole.MEMBER));
        deliveries.event(new MemberOptedOutOfSmsEvent(ADA, GROUP, "STOP"));

        assertThat(members(false, admin())).extracting(DirectoryMember::name, DirectoryMember::phone, DirectoryMember::role,
                        DirectoryMember::reachableBySms)
                .containsExactly(tuple("Ada", ADA_PHONE, MemberRole.ADMIN, false),
                        tuple("Cid", "+13125550103", MemberRole.AUDITOR, true),
                        tuple("Robert", "+13125550142", MemberRole.ADMIN, true));

        deliveries.event(new MemberOptedInToSmsEvent(ADA, GROUP, "START"));

        assertThat(members(false, admin()).get(0).reachableBySms()).isTrue();
    }

    @Test
    void aMemberShowsTheTimeOffThatEndsTodayInTheGroupsZoneOrLaterEarliestFirstAndNotTheWithdrawn() {
        TimeOffId ended = declare(BOB, "2027-03-01", "2027-03-08", "past");
        TimeOffId endsToday = declare(BOB, "2027-03-08", "2027-03-09", "today");
        TimeOffId later = declare(BOB, "2027-04-01", "2027-04-02", null);
        TimeOffId withdrawn = declare(BOB, "2027-03-20", "2027-03-20", "withdrawn");
        deliveries.event(new TimeOffWithdrawnEvent(BOB, GROUP, withdrawn, LocalDate.parse("2027-03-20"), LocalDate.parse("2027-03-20")));
        declare(ADA, "2027-03-15", "2027-03-15", "someone else's");

        List<TimeOffEntry> timeOff = projection.handle(new FindMemberQuery(GROUP, BOB), member(BOB)).timeOff();

        assertThat(timeOff).extracting(TimeOffEntry::id).containsExactly(endsToday, later).doesNotContain(ended);
        assertThat(timeOff.get(0)).isEqualTo(new TimeOffEntry(endsToday, LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-09"), "today"));
    }

    @Test
    void aTimeOffReasonIsShownToAdminsTheSuperAdminAndTheMemberThemselfAndToNobodyElse() {
        MemberId dan = id(MemberId::new, "b4");
        deliveries.event(new MemberAddedEvent(dan, GROUP, "Dan", "+13125550104", MemberRole.MEMBER));
        TimeOffId dentist = declare(BOB, "2027-04-01", "2027-04-01", "dentist");

        assertThat(reasonSeenBy(member(BOB))).isEqualTo("dentist");
        assertThat(reasonSeenBy(admin())).isEqualTo("dentist");
        assertThat(reasonSeenBy(superAdmin())).isEqualTo("dentist");
        assertThat(reasonSeenBy(member(dan))).as("another member of the group").isNull();
        assertThat(reasonSeenBy(auditor(CID))).as("an auditor reads, but is no admin").isNull();
        assertThat(projection.handle(new FindMemberQuery(GROUP, BOB), auditor(CID)).timeOff())
                .containsExactly(new TimeOffEntry(dentist, LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-01"), null));
    }

    @Test
    void shiftTypesAreListedByStartTimeWithTheirDaysInWeekOrderAndTheRetiredFlagged() {
        deliveries.event(new ShiftTypeDefinedEvent(NIGHT, GROUP, "Night", LocalTime.of(20, 0), 12,
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.FRIDAY)));
        deliveries.event(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", LocalTime.of(8, 0), 24, EnumSet.allOf(DayOfWeek.class)));
        deliveries.event(new ShiftTypeChangedEvent(NIGHT, GROUP, "Night call", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY)));
        deliveries.event(new ShiftTypeRetiredEvent(NIGHT, GROUP));

        List<ShiftTypeEntry> types = projection.handle(new FindShiftTypesQuery(GROUP)).shiftTypes();

        assertThat(types).containsExactly(
                new ShiftTypeEntry(PRIMARY, "Primary", LocalTime.of(8, 0), 24, List.of(DayOfWeek.values()), false),
                new ShiftTypeEntry(NIGHT, "Night call", LocalTime.of(20, 0), 12, List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), true));
        assertThat(projection.handle(new FindShiftTypesQuery(OTHER_GROUP)).shiftTypes()).isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        TimeOffDeclaredEvent trip = new TimeOffDeclaredEvent(BOB, GROUP, id(TimeOffId::new, "d1"), LocalDate.parse("2027-05-01"),
                LocalDate.parse("2027-05-02"), "trip");
        deliveries.event(trip);
        deliveries.event(trip);
        deliveries.event(new MemberAddedEvent(BOB, GROUP, "bob", BOB_PHONE, MemberRole.MEMBER));

        assertThat(members(true, admin())).hasSize(3);
        assertThat(projection.handle(new FindMemberQuery(GROUP, BOB), admin()).timeOff()).hasSize(1);
    }

    @Test
    void anUnknownGroupOrAMemberOfAnotherGroupIsNotFound() {
        GroupId unknown = id(GroupId::new, "a9");

        assertThatThrownBy(() -> projection.handle(new FindMembersQuery(unknown, false), superAdmin()))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
        assertThatThrownBy(() -> projection.handle(new FindShiftTypesQuery(unknown)))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
        assertThatThrownBy(() -> projection.handle(new FindMemberQuery(GROUP, OTTO), superAdmin()))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMBER_NOT_FOUND));
    }

    private TimeOffId declare(MemberId member, String from, String to, String reason) {
        TimeOffId id = new TimeOffId(UUID.randomUUID());
        deliveries.event(new TimeOffDeclaredEvent(member, GROUP, id, LocalDate.parse(from), LocalDate.parse(to), reason));
        return id;
    }

    private String reasonSeenBy(MetaData asker) {
        return projection.handle(new FindMemberQuery(GROUP, BOB), asker).timeOff().get(0).reason();
    }

    private List<DirectoryMember> members(boolean includeInactive, MetaData asker) {
        return projection.handle(new FindMembersQuery(GROUP, includeInactive), asker).members();
    }

    private Map<String, String> phonesSeenBy(MetaData asker) {
        Map<String, String> phones = new HashMap<>();
        members(true, asker).forEach(m -> phones.put(m.name(), m.phone()));
        return phones;
    }

    private static MetaData admin() {
        return actor("GROUP_ADMIN", ADA);
    }

    private static MetaData member(MemberId member) {
        return actor("GROUP_MEMBER", member);
    }

    private static MetaData auditor(MemberId member) {
        return actor("GROUP_AUDITOR", member);
    }

    private static MetaData superAdmin() {
        return MetaData.with(ActorMetadata.ACTOR_ROLE, "SUPER_ADMIN").and(ActorMetadata.ACTOR_SOURCE, "WEB")
                .and(ActorMetadata.ACTOR_ACCOUNT_ID, "root");
    }

    private static MetaData actor(String role, MemberId member) {
        return MetaData.with(ActorMetadata.ACTOR_ROLE, role).and(ActorMetadata.ACTOR_SOURCE, "WEB")
                .and(ActorMetadata.ACTOR_ACCOUNT_ID, "account-" + member)
                .and(ActorMetadata.ACTOR_MEMBER_ID, member.toString()).and(ActorMetadata.ACTOR_GROUP_ID, GROUP.toString());
    }

    private static <T> T id(Function<UUID, T> id, String suffix) {
        return id.apply(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }
}
