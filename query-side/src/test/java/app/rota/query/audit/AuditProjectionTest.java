package app.rota.query.audit;

import app.rota.kernel.audit.AuditEntry;
import app.rota.kernel.audit.AuditPage;
import app.rota.kernel.audit.FindAuditLogQuery;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRejectedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapApprovedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.query.support.ProjectionDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit projection as a plain object on a real PostgreSQL: events go in through its event handlers with
 * what Axon would pass (message id, tracking token, timestamp, metadata), pages come out of its query handler.
 */
class AuditProjectionTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final GroupId GROUP = id(GroupId::new, "a1");
    private static final GroupId OTHER_GROUP = id(GroupId::new, "a2");
    private static final ShiftTypeId PRIMARY = id(ShiftTypeId::new, "c1");
    private static final MemberId ADA = id(MemberId::new, "b1");
    private static final MemberId BOB = id(MemberId::new, "b2");
    private static final MemberId OLGA = id(MemberId::new, "b3");
    private static final MemberId ZED = id(MemberId::new, "b9");
    private static final SlotKey MARCH_7 = new SlotKey(PRIMARY, LocalDate.parse("2027-03-07"));
    private static final SlotKey MARCH_8 = new SlotKey(PRIMARY, LocalDate.parse("2027-03-08"));
    private static final MetaData BY_SYSTEM = MetaData.from(Map.of(ActorMetadata.ACTOR_NAME, "system",
            ActorMetadata.ACTOR_ROLE, "SYSTEM", ActorMetadata.ACTOR_SOURCE, "SYSTEM", ActorMetadata.CORRELATION_ID, "c-system"));

    private static JdbcTemplate jdbc;

    private AuditProjection projection;
    private long position;
    private Instant clock = Instant.parse("2027-03-01T12:00:00Z");
    private final Map<String, Object[]> delivered = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void anEmptyLog() {
        projection = new AuditProjection(new AuditStore(jdbc));
        projection.reset();
        aChicagoGroupWithAdaBobAndOlgaTheAdmin();
    }

    private void aChicagoGroupWithAdaBobAndOlgaTheAdmin() {
        happen(new GroupCreatedEvent(GROUP, "Cardiology", CHICAGO, GroupSettings.defaults()), BY_SYSTEM);
        happen(new MemberAddedEvent(ADA, GROUP, "Ada", "+13125550101", MemberRole.MEMBER), BY_SYSTEM);
        happen(new MemberAddedEvent(BOB, GROUP, "Bob", "+13125550102", MemberRole.MEMBER), BY_SYSTEM);
        happen(new MemberAddedEvent(OLGA, GROUP, "Olga", "+13125550103", MemberRole.ADMIN), BY_SYSTEM);
        happen(new ShiftTypeDefinedEvent(PRIMARY, GROUP, "Primary", LocalTime.of(8, 0), 24, EnumSet.allOf(DayOfWeek.class)),
                BY_SYSTEM);
    }

    @Test
    void aReassignmentNamesTheNewAndPreviousAssigneeWithWhoDidItForWhomAndWhy() {
        happen(new SlotAssignedEvent(MARCH_7, GROUP, ADA, BOB, "Bob is ill", null, null), by(OLGA, "Olga", "GROUP_ADMIN", "WEB"));

        AuditEntry entry = page(query()).items().get(0);

        assertThat(entry.type()).isEqualTo("SlotAssigned");
        assertThat(entry.summary()).isEqualTo("Ada assigned to Primary on 2027-03-07 (was Bob)");
        assertThat(entry.slot()).isEqualTo(MARCH_7);
        assertThat(entry.reason()).isEqualTo("Bob is ill");
        assertThat(entry.actor()).isEqualTo(new AuditEntry.Actor(OLGA, "Olga", "ADMIN", "WEB"));
        assertThat(entry.correlationId()).isEqualTo("c-" + OLGA);
        assertThat(entry.before()).isEqualTo(Map.of("assignee", Map.of("memberId", BOB.toString(), "name", "Bob")));
        assertThat(entry.after()).isEqualTo(Map.of("assignee", Map.of("memberId", ADA.toString(), "name", "Ada")));
        assertThat(entry.position()).isEqualTo(position);
        assertThat(entry.at()).isEqualTo(clock.minusSeconds(60));
    }

    @Test
    void anAdminActingForAMemberIsTheActorAndTheMemberIsNamedAsActedFor() {
        SwapId swap = id(SwapId::new, "d1");
        happen(proposed(swap), by(ADA, "Ada", "GROUP_MEMBER", "WEB"));
        MetaData olgaForBob = by(OLGA, "Olga", "GROUP_ADMIN", "WEB").and(ActorMetadata.ON_BEHALF_OF, BOB.toString());

        happen(new SwapAcceptedEvent(swap, GROUP, ADA, BOB, "fine by me", false), olgaForBob);

        AuditEntry accepted = page(query()).items().get(0);
        assertThat(accepted.type()).isEqualTo("SwapAccepted");
        assertThat(accepted.actor().name()).isEqualTo("Olga");
        assertThat(accepted.onBehalfOf()).isEqualTo(new MemberRef(BOB, "Bob"));
        assertThat(accepted.slot()).as("the swap's slots come from the projection's own directory").isEqualTo(MARCH_7);
        assertThat(accepted.summary()).isEqualTo("Bob accepted Ada's swap of Primary on 2027-03-07");
        assertThat(accepted.before()).isEqualTo(Map.of("status", "PROPOSED"));
        assertThat(accepted.after()).isEqualTo(Map.of("status", "ACCEPTED"));
        assertThat(accepted.reason()).isEqualTo("fine by me");
    }

    @Test
    void aRoleChangeShowsTheRoleBeforeAndAfterAndAPhoneNumberOnlyMasked() {
        happen(new MemberChangedEvent(BOB, GROUP, "Bob", "+13125559999", MemberRole.AUDITOR, "Bob", "+13125550102", MemberRole.MEMBER),
                by(OLGA, "Olga", "GROUP_ADMIN", "WEB"));

        AuditEntry changed = page(query()).items().get(0);
        assertThat(changed.summary()).isEqualTo("Bob: role changed from MEMBER to AUDITOR, phone number changed");
        assertThat(changed.before()).containsExactly(Map.entry("role", "MEMBER"), Map.entry("phone", "+*******0102"));
        assertThat(changed.after()).containsExactly(Map.entry("role", "AUDITOR"), Map.entry("phone", "+*******9999"));
        AuditEntry added = page(query(q -> q.type("MemberAdded"))).items().get(0);
        assertThat(added.after()).containsEntry("phone", "+*******0103");
    }

    @Test
    void entriesAreNewestFirstByGlobalPositionAndPagedWithTheTotal() {
        for (int day = 1; day <= 5; day++) {
            happen(new SlotAssignedEvent(new SlotKey(PRIMARY, LocalDate.of(2027, 3, day)), GROUP, ADA, null, null, null, null),
                    BY_SYSTEM);
        }

        AuditPage second = page(query(q -> q.type("SlotAssigned").page(1).size(2)));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).extracting(e -> e.slot().date().getDayOfMonth()).containsExactly(3, 2);
        assertThat(page(query()).items()).extracting(AuditEntry::position).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page(query()).total()).isEqualTo(10);
    }

    @Test
    void anEventDeliveredAgainAddsNoSecondEntry() {
        String eventId = happen(new SlotUnassignedEvent(MARCH_7, GROUP, ADA, "sick"), BY_SYSTEM);

        redeliver(eventId);

        assertThat(page(query(q -> q.type("SlotUnassigned"))).total()).isEqualTo(1);
        assertThat(page(query(q -> q.memberId(ADA).type("SlotUnassigned"))).total()).isEqualTo(1);
    }

    @Test
    void theMemberFilterFindsTheEntriesThatConcernTheMemberInAnyPart() {
        happen(new SlotAssignedEvent(MARCH_7, GROUP, ADA, null, null, null, null), by(OLGA, "Olga", "GROUP_ADMIN", "WEB"));
        happen(new SlotAssignedEvent(MARCH_7, GROUP, BOB, ADA, null, null, null), BY_SYSTEM);
        happen(new TimeOffDeclaredEvent(ADA, GROUP, new TimeOffId(UUID.randomUUID()), LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-02"), "trip"),
                by(OLGA, "Olga", "GROUP_ADMIN", "WEB").and(ActorMetadata.ON_BEHALF_OF, ADA.toString()));
        happen(new TimeOffDeclaredEvent(BOB, GROUP, new TimeOffId(UUID.randomUUID()), LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-01"), null),
                by(BOB, "Bob", "GROUP_MEMBER", "SMS"));

        assertThat(page(query(q -> q.memberId(ADA))).items()).extracting(AuditEntry::type, AuditEntry::summary).containsExactly(
                tuple("TimeOffDeclared", "Ada off from 2027-04-01 to 2027-04-02"),
                tuple("SlotAssigned", "Bob assigned to Primary on 2027-03-07 (was Ada)"),
                tuple("SlotAssigned", "Ada assigned to Primary on 2027-03-07"),
                tuple("MemberAdded", "Ada added as MEMBER"));
        assertThat(page(query(q -> q.memberId(OLGA).type("TimeOffDeclared"))).total()).as("Olga acted").isEqualTo(1);
        assertThat(page(query(q -> q.memberId(BOB).type("TimeOffDeclared"))).items().get(0).actor().source()).isEqualTo("SMS");
    }

    @Test
    void withdrawnTimeOffIsAnEntryThatShowsTheDeclarationAsItWasAndWhoWithdrewItForWhom() {
        TimeOffId trip = new TimeOffId(UUID.randomUUID());
        happen(new TimeOffDeclaredEvent(ADA, GROUP, trip, LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-02"), "trip"),
                by(ADA, "Ada", "GROUP_MEMBER", "WEB"));
        happen(new TimeOffWithdrawnEvent(ADA, GROUP, trip, LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-02")),
                by(OLGA, "Olga", "GROUP_ADMIN", "WEB").and(ActorMetadata.ON_BEHALF_OF, ADA.toString()));

        AuditEntry withdrawn = page(query(q -> q.type("TimeOffWithdrawn"))).items().get(0);

        assertThat(withdrawn.summary()).isEqualTo("Ada's time off from 2027-04-01 to 2027-04-02 withdrawn");
        assertThat(withdrawn.before()).containsEntry("timeOffId", trip.toString()).containsEntry("from", "2027-04-01")
                .containsEntry("to", "2027-04-02");
        assertThat(withdrawn.after()).isNull();
        assertThat(withdrawn.actor().name()).isEqualTo("Olga");
        assertThat(withdrawn.onBehalfOf().name()).isEqualTo("Ada");
        assertThat(page(query(q -> q.memberId(ADA).type("TimeOffWithdrawn"))).total()).isEqualTo(1);
        assertThat(page(query(q -> q.type("TimeOffDeclared"))).items().get(0).after()).containsEntry("timeOffId", trip.toString());
    }

    @Test
    void aTimeOffDeclaredBeforeItHadAnIdAndRetriedFromAnOldDeadLetterIsAnEntryWithoutAnId() {
        happen(new TimeOffDeclaredEvent(ADA, GROUP, null, LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-02"), "trip"),
                by(ADA, "Ada", "GROUP_MEMBER", "WEB"));

        AuditEntry declared = page(query(q -> q.type("TimeOffDeclared"))).items().get(0);

        assertThat(declared.summary()).isEqualTo("Ada off from 2027-04-01 to 2027-04-02");
        assertThat(declared.after()).doesNotContainKey("timeOffId").containsEntry("from", "2027-04-01")
                .containsEntry("to", "2027-04-02");
        assertThat(declared.reason()).isEqualTo("trip");
    }

    @Test
    void theSlotFiltersMatchTheEntrysSlot() {
        happen(new SlotAssignedEvent(MARCH_7, GROUP, ADA, null, null, null, null), BY_SYSTEM);
        happen(new SlotAssignedEvent(MARCH_8, GROUP, BOB, null, null, null, null), BY_SYSTEM);
        ShiftTypeId backup = id(ShiftTypeId::new, "c2");
        happen(new ShiftTypeDefinedEvent(backup, GROUP, "Backup", LocalTime.of(20, 0), 12, EnumSet.of(DayOfWeek.SUNDAY)), BY_SYSTEM);
        happen(new SlotAssignedEvent(new SlotKey(backup, MARCH_7.date()), GROUP, BOB, null, null, null, null), BY_SYSTEM);

        assertThat(page(query(q -> q.date(MARCH_7.date()))).total()).isEqualTo(2);
        assertThat(page(query(q -> q.shiftTypeId(PRIMARY))).total()).isEqualTo(2);
        assertThat(page(query(q -> q.shiftTypeId(PRIMARY).date(MARCH_8.date()))).items())
                .extracting(AuditEntry::summary).containsExactly("Bob assigned to Primary on 2027-03-08");
    }

    @Test
    void fromAndToAreInstantsOrGroupLocalDatesAndADateToIncludesTheWholeLocalDay() {
        clock = Instant.parse("2027-03-08T05:30:00Z");
        happen(new SlotAssignedEvent(MARCH_7, GROUP, ADA, null, null, null, null), BY_SYSTEM);
        clock = Instant.parse("2027-03-08T06:30:00Z");
        happen(new SlotAssignedEvent(MARCH_8, GROUP, BOB, null, null, null, null), BY_SYSTEM);

        assertThat(page(query(q -> q.from("2027-03-07").to("2027-03-07"))).items())
                .as("05:30Z is still the 7th in Chicago").extracting(AuditEntry::summary)
                .containsExactly("Ada assigned to Primary on 2027-03-07");
        assertThat(page(query(q -> q.from("2027-03-08"))).items()).extracting(AuditEntry::summary)
                .containsExactly("Bob assigned to Primary on 2027-03-08");
        assertThat(page(query(q -> q.from("2027-03-08T05:30:00Z").to("2027-03-08T06:30:00Z"))).total())
                .as("both instants inclusive").isEqualTo(2);
        assertThat(page(query(q -> q.to("2027-03-08T05:30:00Z").type("SlotAssigned"))).total()).isEqualTo(1);
    }

    @Test
    void badFiltersAreRefusedWithTheirCodeAndField() {
        assertRefused(q -> q.from("2027-13-01"), ErrorCode.MALFORMED_REQUEST, "from");
        assertRefused(q -> q.to("yesterday"), ErrorCode.MALFORMED_REQUEST, "to");
        assertRefused(q -> q.from("2027-03-08").to("2027-03-07"), ErrorCode.DATE_RANGE_INVALID, "to");
        assertRefused(q -> q.from("9999-01-01"), ErrorCode.DATE_OUT_OF_RANGE, "from");
        assertRefused(q -> q.to("0001-01-01T00:00:00Z"), ErrorCode.DATE_OUT_OF_RANGE, "to");
        assertRefused(q -> q.date(LocalDate.parse("3000-01-01")), ErrorCode.DATE_OUT_OF_RANGE, "date");
        assertRefused(q -> q.type("SlotAssignedEvent"), ErrorCode.MALFORMED_REQUEST, "type");
        assertRefused(q -> q.size(501), ErrorCode.MALFORMED_REQUEST, "size");
        assertRefused(q -> q.size(0), ErrorCode.MALFORMED_REQUEST, "size");
        assertRefused(q -> q.page(-1), ErrorCode.MALFORMED_REQUEST, "page");
        assertThatThrownBy(() -> page(new Q(OTHER_GROUP).build()))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
    }

    @Test
    void everyEventThatConcernsAGroupHasAnEntryOfEachDocumentedType() {
        everyKindOfEvent();
        happen(new CoverageCancelledEvent(id(CoverageRequestId::new, "f2"), GROUP, MARCH_8, null, null), BY_SYSTEM);
        happen(new CoverageUnfilledEvent(id(CoverageRequestId::new, "f3"), GROUP, MARCH_8, null), BY_SYSTEM);
        happen(new ShiftTypeRetiredEvent(PRIMARY, GROUP), BY_SYSTEM);
        happen(new MemberDeactivatedEvent(ADA, GROUP), BY_SYSTEM);

        List<AuditEntry> all = page(query(q -> q.size(500))).items();

        assertThat(all).extracting(AuditEntry::type).containsExactlyInAnyOrderElementsOf(expectedTypes());
        assertThat(all).allSatisfy(entry -> assertThat(entry.summary()).isNotBlank());
        assertThat(all).filteredOn(e -> e.type().equals("GroupSettingsChanged")).singleElement().satisfies(e -> {
            assertThat(e.summary()).isEqualTo("Group settings changed: swapApprovalRequired, holidays");
            assertThat(e.before()).containsExactly(Map.entry("swapApprovalRequired", false), Map.entry("holidays", List.of()));
            assertThat(e.after()).containsExactly(Map.entry("swapApprovalRequired", true), Map.entry("holidays", List.of("2027-12-25")));
        });
        assertThat(all).filteredOn(e -> e.type().equals("SwapCompleted")).singleElement().satisfies(e ->
                assertThat(e.summary())
                        .isEqualTo("Swap completed: Bob now holds Primary call on 2027-03-07 and Ada L. Primary call on 2027-03-08"));
        assertThat(all).filteredOn(e -> e.type().equals("CoverageCovered")).singleElement().satisfies(e -> {
            assertThat(e.summary()).isEqualTo("Bob now covers Primary call on 2027-03-07 (was Ada L.)");
            assertThat(e.before()).containsEntry("status", "CLAIMED");
        });
        assertThat(all).filteredOn(e -> e.type().equals("MemberOptedOutOfSms")).singleElement().satisfies(e ->
                assertThat(e.summary()).isEqualTo("Ada L. opted out of SMS (STOP)"));
    }

    @Test
    void everyEventHandlerRecordsADocumentedType() {
        List<String> handled = new ArrayList<>();
        for (Method method : AuditProjection.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)) {
                handled.add(method.getParameterTypes()[0].getSimpleName().replaceFirst("Event$", ""));
            }
        }
        assertThat(handled).containsExactlyInAnyOrderElementsOf(AuditEntry.TYPES);
    }

    @Test
    void theStoreARebuildWritesThroughRecordsTheSameLogAsTheLiveStore() {
        everyKindOfEvent();
        List<String> live = wholeLog();

        projection = new AuditProjection(new RebuildingAuditStore(jdbc));
        projection.reset();
        position = 0;
        clock = Instant.parse("2027-03-01T12:00:00Z");
        aChicagoGroupWithAdaBobAndOlgaTheAdmin();
        everyKindOfEvent();

        assertThat(wholeLog()).hasSizeGreaterThan(40).isEqualTo(live);
    }

    /** Every entry with the members it concerns, and the directory, but for the random event ids. */
    private static List<String> wholeLog() {
        List<String> rows = new ArrayList<>(jdbc.queryForList("""
                select e.position || ' ' || e.type || ' ' || coalesce(e.actor_name, '-') || ' ' || e.summary || ' '
                    || coalesce(e.before_json::text, '-') || ' ' || coalesce(e.after_json::text, '-') || ' '
                    || coalesce((select string_agg(m.member_id::text, ',' order by m.member_id) from audit_entry_member m
                                 where m.event_id = e.event_id), '-')
                from audit_entry e order by e.position""", String.class));
        rows.addAll(jdbc.queryForList("select 'member ' || id || ' ' || name || ' ' || role from audit_member order by id", String.class));
        rows.addAll(jdbc.queryForList("select 'swap ' || id || ' ' || status from audit_swap order by id", String.class));
        rows.addAll(jdbc.queryForList("select 'coverage ' || id || ' ' || status || ' ' || coalesce(claimant_id::text, '-') from audit_coverage order by id",
                String.class));
        return rows;
    }

    @Test
    void aResetEmptiesTheLog() {
        projection.reset();

        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_member", Long.class)).isZero();
    }

    // ---- helpers

    /** One event of every kind that concerns a group, after the group, its members and its shift type. */
    private void everyKindOfEvent() {
        happen(new GroupSettingsChangedEvent(GROUP, GroupSettings.defaults(), new GroupSettings(true, false, LocalTime.of(8, 0),
                120, LocalTime.of(22, 0), LocalTime.of(7, 0), 240, List.of(LocalDate.parse("2027-12-25")))), BY_SYSTEM);
        happen(new MemberChangedEvent(ADA, GROUP, "Ada L.", "+13125550101", MemberRole.MEMBER, "Ada", "+13125550101",
                MemberRole.MEMBER), BY_SYSTEM);
        happen(new MemberOptedOutOfSmsEvent(ADA, GROUP, "STOP"), by(ADA, "Ada", "GROUP_MEMBER", "SMS"));
        happen(new MemberOptedInToSmsEvent(ADA, GROUP, "START"), by(ADA, "Ada", "GROUP_MEMBER", "SMS"));
        TimeOffId dayOff = id(TimeOffId::new, "d1");
        happen(new TimeOffDeclaredEvent(ADA, GROUP, dayOff, MARCH_7.date(), MARCH_7.date(), null), BY_SYSTEM);
        happen(new TimeOffWithdrawnEvent(ADA, GROUP, dayOff, MARCH_7.date(), MARCH_7.date()), BY_SYSTEM);
        happen(new ShiftTypeChangedEvent(PRIMARY, GROUP, "Primary call", EnumSet.of(DayOfWeek.MONDAY)), BY_SYSTEM);
        happen(new SlotAssignedEvent(MARCH_7, GROUP, ADA, null, null, null, null), BY_SYSTEM);
        happen(new SlotUnassignedEvent(MARCH_7, GROUP, ADA, null), BY_SYSTEM);
        happen(new RotationPublishedEvent(new RotationId(UUID.randomUUID()), GROUP, MARCH_7.date(), MARCH_8.date(),
                List.of(new RotationShare(ADA, List.of(MARCH_7, MARCH_8))), 0), BY_SYSTEM);
        for (int i = 1; i <= 8; i++) {
            SwapId swap = id(SwapId::new, "e" + i);
            happen(proposed(swap), BY_SYSTEM);
            switch (i) {
                case 1 -> happen(new SwapAcceptedEvent(swap, GROUP, ADA, BOB, null, true), BY_SYSTEM);
                case 2 -> happen(new SwapApprovedEvent(swap, GROUP, ADA, BOB, null), BY_SYSTEM);
                case 3 -> happen(new SwapRejectedEvent(swap, GROUP, ADA, BOB, "no"), BY_SYSTEM);
                case 4 -> happen(new SwapDeclinedEvent(swap, GROUP, ADA, BOB, null), BY_SYSTEM);
                case 5 -> happen(new SwapCancelledEvent(swap, GROUP, ADA, BOB, null), BY_SYSTEM);
                case 6 -> happen(new SwapExpiredEvent(swap, GROUP, ADA, BOB), BY_SYSTEM);
                case 7 -> happen(new SwapFailedEvent(swap, GROUP, ADA, BOB, "slot changed"), BY_SYSTEM);
                default -> happen(new SwapCompletedEvent(swap, GROUP, SwapKind.TRADE, ADA, BOB, MARCH_7, MARCH_8), BY_SYSTEM);
            }
        }
        CoverageRequestId request = id(CoverageRequestId::new, "f1");
        happen(new CoverageRequestedEvent(request, GROUP, MARCH_7, null, null, ADA, List.of(BOB), "dentist", null), BY_SYSTEM);
        happen(new CoverageEscalatedEvent(request, GROUP, MARCH_7, ADA), BY_SYSTEM);
        happen(new CoverageClaimedEvent(request, GROUP, MARCH_7, ADA, BOB, true), BY_SYSTEM);
        happen(new CoverageRejectedEvent(request, GROUP, MARCH_7, ADA, BOB, "not Bob"), BY_SYSTEM);
        happen(new CoverageClaimedEvent(request, GROUP, MARCH_7, ADA, BOB, true), BY_SYSTEM);
        happen(new CoverageApprovedEvent(request, GROUP, MARCH_7, ADA, BOB, null), BY_SYSTEM);
        happen(new CoverageCoveredEvent(request, GROUP, MARCH_7, ADA, BOB), BY_SYSTEM);
    }


    /** Each documented type once, plus the two other members added, the seven other swaps proposed and the second claim. */
    private static List<String> expectedTypes() {
        List<String> types = new ArrayList<>(AuditEntry.TYPES);
        types.addAll(List.of("MemberAdded", "MemberAdded", "CoverageClaimed"));
        types.addAll(java.util.Collections.nCopies(7, "SwapProposed"));
        return types;
    }

    private SwapProposedEvent proposed(SwapId swap) {
        return new SwapProposedEvent(swap, GROUP, SwapKind.TRADE, ADA, BOB, MARCH_7, null, null, MARCH_8, null, null, null, null);
    }

    private String happen(Object event, MetaData metaData) {
        String eventId = UUID.randomUUID().toString();
        position += 3;
        delivered.put(eventId, new Object[] {event, position, clock, metaData});
        deliver(event, eventId, position, clock, metaData);
        clock = clock.plusSeconds(60);
        return eventId;
    }

    private void redeliver(String eventId) {
        Object[] d = delivered.get(eventId);
        deliver(d[0], eventId, (long) d[1], (Instant) d[2], (MetaData) d[3]);
    }

    /**
     * Hands the event to the projection as its tracking processor would: through Axon's annotation adapter (so the
     * message id, tracking token, timestamp and metadata parameters are resolved as in production).
     */
    private void deliver(Object event, String eventId, long at, Instant time, MetaData metaData) {
        EventMessage<?> message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(at),
                new GenericEventMessage<>(eventId, event, metaData, time));
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        try {
            if (!adapter.canHandle(message)) {
                throw new IllegalArgumentException("no handler for " + event.getClass());
            }
            adapter.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MetaData by(MemberId member, String name, String role, String source) {
        return MetaData.from(Map.of(ActorMetadata.ACTOR_NAME, name, ActorMetadata.ACTOR_ROLE, role,
                ActorMetadata.ACTOR_SOURCE, source, ActorMetadata.ACTOR_MEMBER_ID, member.toString(),
                ActorMetadata.CORRELATION_ID, "c-" + member));
    }

    private AuditPage page(FindAuditLogQuery query) {
        return projection.handle(query);
    }

    private void assertRefused(Function<Q, Q> filters, ErrorCode code, String field) {
        assertThatThrownBy(() -> page(query(filters))).isInstanceOfSatisfying(RotaException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static FindAuditLogQuery query() {
        return new Q(GROUP).build();
    }

    private static FindAuditLogQuery query(Function<Q, Q> filters) {
        return filters.apply(new Q(GROUP)).build();
    }

    /** The query's filters, set one at a time. */
    private static final class Q {
        private final GroupId group;
        private String from;
        private String to;
        private MemberId memberId;
        private ShiftTypeId shiftTypeId;
        private LocalDate date;
        private String type;
        private int page;
        private int size = FindAuditLogQuery.DEFAULT_SIZE;

        Q(GroupId group) {
            this.group = group;
        }

        Q from(String value) { from = value; return this; }
        Q to(String value) { to = value; return this; }
        Q memberId(MemberId value) { memberId = value; return this; }
        Q shiftTypeId(ShiftTypeId value) { shiftTypeId = value; return this; }
        Q date(LocalDate value) { date = value; return this; }
        Q type(String value) { type = value; return this; }
        Q page(int value) { page = value; return this; }
        Q size(int value) { size = value; return this; }

        FindAuditLogQuery build() {
            return new FindAuditLogQuery(group, from, to, memberId, shiftTypeId, date, type, page, size);
        }
    }

    private static <T> T id(Function<UUID, T> id, String suffix) {
        return id.apply(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }
}
