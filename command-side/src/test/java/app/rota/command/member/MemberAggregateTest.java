package app.rota.command.member;

import app.rota.command.Actors;
import app.rota.command.group.GroupDirectory;
import app.rota.command.slot.Bookings;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.AddMemberCommand;
import app.rota.kernel.member.ChangeMemberCommand;
import app.rota.kernel.member.DeactivateMemberCommand;
import app.rota.kernel.member.DeclareTimeOffCommand;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.NewLogin;
import app.rota.kernel.member.OptInToSmsCommand;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffResponse;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.member.WithdrawTimeOffCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rota.command.Refusals.refusal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class MemberAggregateTest {

    private static final GroupId GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final GroupId OTHER_GROUP = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final MemberId ADA = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final String ADA_PHONE = "+13125550101";
    private static final MemberId BEA = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final TimeOffId TRIP = new TimeOffId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final TimeOffId ANOTHER_TRIP = new TimeOffId(UUID.fromString("00000000-0000-0000-0000-0000000000c2"));
    private static final LocalDate TRIP_FROM = LocalDate.of(2026, 3, 7);
    private static final LocalDate TRIP_TO = LocalDate.of(2026, 3, 9);
    private static final TimeOffDeclaredEvent ADA_TRIP_DECLARED = new TimeOffDeclaredEvent(ADA, GROUP, TRIP, TRIP_FROM, TRIP_TO, "trip");
    private static final TimeOffWithdrawnEvent ADA_TRIP_WITHDRAWN = new TimeOffWithdrawnEvent(ADA, GROUP, TRIP, TRIP_FROM, TRIP_TO);
    private static final Map<String, Object> ADA_HERSELF = Actors.member(ADA, GROUP);
    private static final MemberAddedEvent ADA_ADDED = new MemberAddedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.MEMBER);
    private static final Map<String, Object> ADA_BY_SMS = Actors.memberBySms(ADA, GROUP);
    private static final MemberOptedOutOfSmsEvent ADA_TEXTED_STOP = new MemberOptedOutOfSmsEvent(ADA, GROUP, "STOP");

    private FixtureConfiguration<MemberAggregate> fixture;
    private GroupDirectory groups;
    private MemberDirectory members;
    private Bookings bookings;
    private MemberLogins logins;

    @BeforeEach
    void setUp() {
        groups = mock(GroupDirectory.class);
        members = mock(MemberDirectory.class);
        bookings = mock(Bookings.class);
        logins = mock(MemberLogins.class);
        when(groups.zoneOf(GROUP)).thenReturn(ZoneId.of("America/Chicago"));
        fixture = new AggregateTestFixture<>(MemberAggregate.class);
        fixture.registerInjectableResource(groups);
        fixture.registerInjectableResource(members);
        fixture.registerInjectableResource(bookings);
        fixture.registerInjectableResource(logins);
    }

    // ---- adding

    @Test
    void addingNormalisesThePhoneToE164AndTrimsTheName() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "  Ada  ", "+1 (312) 555-0101", MemberRole.ADMIN))
                .expectEvents(new MemberAddedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.ADMIN));
        verify(members).requirePhoneFree(GROUP, ADA_PHONE, ADA);
    }

    @Test
    void theRoleDefaultsToMember() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", ADA_PHONE, null))
                .expectEvents(ADA_ADDED);
        verify(logins, never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void aMemberAddedWithALoginGetsItAfterTheEventInTheSameCommand() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.ADMIN, new NewLogin(" ada.k ", "long-enough-password")))
                .expectEvents(new MemberAddedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.ADMIN));
        verify(logins).create(ADA, GROUP, MemberRole.ADMIN, "ada.k", "long-enough-password");
    }

    @Test
    void anInvalidUsernameIsRefusedBeforeTheMemberIsAdded() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", ADA_PHONE, null, new NewLogin("a b", "long-enough-password")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.USERNAME_INVALID, "username"));
        verifyNoInteractions(logins);
    }

    @Test
    void aShortPasswordIsRefusedBeforeTheMemberIsAdded() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", ADA_PHONE, null, new NewLogin("ada", "short")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PASSWORD_TOO_SHORT, "password"));
        verifyNoInteractions(logins);
    }

    @Test
    void aLoginWithoutAPasswordIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", ADA_PHONE, null, new NewLogin("ada", null)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PASSWORD_TOO_SHORT, "password"));
        verifyNoInteractions(logins);
    }

    @Test
    void aPhoneWithoutItsCountryCodeIsRefused() {
        expectRefusedAdd("Ada", "(312) 555-0101", ErrorCode.PHONE_INVALID, "phone");
    }

    @Test
    void anInvalidPhoneNumberIsRefused() {
        expectRefusedAdd("Ada", "+1 555 123 4567", ErrorCode.PHONE_INVALID, "phone");
    }

    @Test
    void somethingThatIsNotAPhoneNumberIsRefused() {
        expectRefusedAdd("Ada", "+call me", ErrorCode.PHONE_INVALID, "phone");
    }

    @Test
    void aMissingPhoneIsRefused() {
        expectRefusedAdd("Ada", null, ErrorCode.PHONE_INVALID, "phone");
    }

    @Test
    void aBlankNameIsRefused() {
        expectRefusedAdd("   ", ADA_PHONE, ErrorCode.NAME_BLANK, "name");
    }

    @Test
    void aNameOfMoreThanOneHundredCharactersIsRefused() {
        expectRefusedAdd("x".repeat(101), ADA_PHONE, ErrorCode.NAME_TOO_LONG, "name");
    }

    @Test
    void aNameOfExactlyOneHundredCharactersIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "x".repeat(100), ADA_PHONE, null))
                .expectEvents(new MemberAddedEvent(ADA, GROUP, "x".repeat(100), ADA_PHONE, MemberRole.MEMBER));
    }

    @Test
    void aMemberOfAnUnknownGroupIsRefused() {
        when(groups.zoneOf(OTHER_GROUP)).thenThrow(new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group."));
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, OTHER_GROUP, "Ada", ADA_PHONE, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.GROUP_NOT_FOUND, null));
        verify(members, never()).requirePhoneFree(any(), any(), any());
    }

    @Test
    void aPhoneTakenInTheGroupLeavesNoMemberBehind() {
        doThrow(new RotaException(ErrorCode.PHONE_TAKEN, "phone", "taken"))
                .when(members).requirePhoneFree(GROUP, ADA_PHONE, ADA);
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, "Ada", "+1 312 555 0101", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PHONE_TAKEN, "phone"));
    }

    // ---- changing

    @Test
    void aChangeRecordsTheDetailsBeforeAndAfter() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, " Ada King ", "+1 312 555 0102", null))
                .expectEvents(new MemberChangedEvent(ADA, GROUP, "Ada King", "+13125550102", MemberRole.MEMBER,
                        "Ada", ADA_PHONE, MemberRole.MEMBER));
        verify(members).requirePhoneFree(GROUP, "+13125550102", ADA);
        verifyNoInteractions(logins);
    }

    @Test
    void aChangeOfNothingRecordsNothing() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, "Ada", "+1 (312) 555-0101", MemberRole.MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verify(members, never()).requirePhoneFree(any(), any(), any());
        verifyNoInteractions(logins);
    }

    @Test
    void aChangeWithEveryFieldOmittedRecordsNothing() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRoleChangeIsToldToTheLogins() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, null, null, MemberRole.AUDITOR))
                .expectEvents(new MemberChangedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.AUDITOR,
                        "Ada", ADA_PHONE, MemberRole.MEMBER));
        verify(logins).roleChanged(ADA, MemberRole.AUDITOR);
        verify(members, never()).requirePhoneFree(any(), any(), any());
    }

    @Test
    void anInvalidNewPhoneChangesNothing() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, null, "3125550102", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PHONE_INVALID, "phone"));
    }

    @Test
    void aNewPhoneTakenInTheGroupChangesNothing() {
        doThrow(new RotaException(ErrorCode.PHONE_TAKEN, "phone", "taken"))
                .when(members).requirePhoneFree(GROUP, "+13125550102", ADA);
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, GROUP, null, "+13125550102", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PHONE_TAKEN, "phone"));
    }

    @Test
    void aChangeThroughAnotherGroupFindsNoMember() {
        fixture.given(ADA_ADDED)
                .when(new ChangeMemberCommand(ADA, OTHER_GROUP, "Eve", null, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_NOT_FOUND, null));
    }

    // ---- deactivating

    @Test
    void deactivationIsRecordedAndDisablesTheLogin() {
        fixture.given(ADA_ADDED)
                .when(new DeactivateMemberCommand(ADA, GROUP))
                .expectEvents(new MemberDeactivatedEvent(ADA, GROUP));
        verify(logins).disabled(ADA);
    }

    @Test
    void aSecondDeactivationRecordsNothing() {
        fixture.given(ADA_ADDED, new MemberDeactivatedEvent(ADA, GROUP))
                .when(new DeactivateMemberCommand(ADA, GROUP))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verifyNoInteractions(logins);
    }

    @Test
    void aDeactivationThroughAnotherGroupFindsNoMember() {
        fixture.given(ADA_ADDED)
                .when(new DeactivateMemberCommand(ADA, OTHER_GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_NOT_FOUND, null));
        verifyNoInteractions(logins);
    }

    // ---- time off

    @Test
    void timeOffIsRecordedAndAnswersTheSlotsItConflictsWith() {
        LocalDate from = LocalDate.of(2026, 3, 7);
        LocalDate to = LocalDate.of(2026, 3, 9);
        List<SlotKey> booked = List.of(new SlotKey(new ShiftTypeId(UUID.fromString("00000000-0000-0000-0000-0000000000c1")), from));
        when(bookings.bookingsOf(ADA, from, to)).thenReturn(booked);
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, from, to, "  conference  "), ADA_HERSELF)
                .expectEvents(new TimeOffDeclaredEvent(ADA, GROUP, TRIP, from, to, "conference"))
                .expectResultMessagePayload(new TimeOffResponse(TRIP, from, to, booked));
    }

    @Test
    void oneDayOfTimeOffIsAccepted() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        when(bookings.bookingsOf(ADA, day, day)).thenReturn(List.of());
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), ADA_HERSELF)
                .expectEvents(new TimeOffDeclaredEvent(ADA, GROUP, TRIP, day, day, null))
                .expectResultMessagePayload(new TimeOffResponse(TRIP, day, day, List.of()));
    }

    @Test
    void anAdminDeclaresTimeOffForAMemberAndTheEventRecordsWhomTheyActedFor() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        when(bookings.bookingsOf(ADA, day, day)).thenReturn(List.of());
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), Actors.groupAdmin(BEA, GROUP))
                .expectEventsMatching(Actors.oneEvent(new TimeOffDeclaredEvent(ADA, GROUP, TRIP, day, day, null), ADA));
    }

    @Test
    void aMemberDeclaringTimeOffForThemselvesActsForNobodyElse() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        when(bookings.bookingsOf(ADA, day, day)).thenReturn(List.of());
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), ADA_HERSELF)
                .expectEventsMatching(Actors.oneEvent(new TimeOffDeclaredEvent(ADA, GROUP, TRIP, day, day, null), null));
    }

    @Test
    void aMemberCannotDeclareTimeOffForAnotherMember() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), Actors.member(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void anAuditorCannotDeclareTimeOffForAMember() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), Actors.auditor(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void aCommandThatNamesNoActorCannotDeclareTimeOff() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void timeOffEndingBeforeItStartsIsRefused() {
        expectRefusedTimeOff(new DeclareTimeOffCommand(ADA, GROUP, TRIP, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 8), null),
                ErrorCode.DATE_RANGE_INVALID, "to");
    }

    @Test
    void timeOffWithoutAFirstDayIsRefused() {
        expectRefusedTimeOff(new DeclareTimeOffCommand(ADA, GROUP, TRIP, null, LocalDate.of(2026, 3, 8), null),
                ErrorCode.FIELD_REQUIRED, "from");
    }

    @Test
    void timeOffOfMoreThan366DaysIsRefused() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        expectRefusedTimeOff(new DeclareTimeOffCommand(ADA, GROUP, TRIP, from, from.plusDays(366), null),
                ErrorCode.DATE_RANGE_TOO_LARGE, "to");
    }

    @Test
    void timeOffOfExactly366DaysIsAccepted() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = from.plusDays(365);
        fixture.given(ADA_ADDED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, from, to, null), ADA_HERSELF)
                .expectEvents(new TimeOffDeclaredEvent(ADA, GROUP, TRIP, from, to, null));
    }

    @Test
    void anInactiveMemberCannotDeclareTimeOff() {
        fixture.given(ADA_ADDED, new MemberDeactivatedEvent(ADA, GROUP))
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8), null), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_INACTIVE, "memberId"));
    }

    @Test
    void timeOffThroughAnotherGroupFindsNoMember() {
        expectRefusedTimeOff(new DeclareTimeOffCommand(ADA, OTHER_GROUP, TRIP, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8), null),
                ErrorCode.MEMBER_NOT_FOUND, null);
    }

    @Test
    void timeOffWithoutAnIdIsRefused() {
        expectRefusedTimeOff(new DeclareTimeOffCommand(ADA, GROUP, null, TRIP_FROM, TRIP_TO, null), ErrorCode.FIELD_REQUIRED, "timeOffId");
    }

    @Test
    void timeOffUnderAnIdTheMemberAlreadyUsedIsRefusedAndTheFirstDeclarationStays() {
        LocalDate day = TRIP_TO.plusDays(10);
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, day, day, null), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TIME_OFF_ID_TAKEN, "timeOffId"));
    }

    @Test
    void theIdOfWithdrawnTimeOffCannotBeDeclaredAgain() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED, ADA_TRIP_WITHDRAWN)
                .when(new DeclareTimeOffCommand(ADA, GROUP, TRIP, TRIP_FROM, TRIP_TO, "trip"), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TIME_OFF_ID_TAKEN, "timeOffId"));
    }

    // ---- withdrawing time off

    @Test
    void aMemberWithdrawsTheirOwnTimeOffAndTheEventNamesItsDates() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), ADA_HERSELF)
                .expectEventsMatching(Actors.oneEvent(ADA_TRIP_WITHDRAWN, null));
    }

    @Test
    void anAdminWithdrawsAMembersTimeOffAndTheEventRecordsWhomTheyActedFor() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), Actors.groupAdmin(BEA, GROUP))
                .expectEventsMatching(Actors.oneEvent(ADA_TRIP_WITHDRAWN, ADA));
    }

    @Test
    void aMemberCannotWithdrawAnotherMembersTimeOff() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), Actors.member(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void anAuditorCannotWithdrawTimeOff() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), Actors.auditor(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void withdrawingTimeOffTheMemberNeverDeclaredIsRefusedAsUnknown() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, ANOTHER_TRIP), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TIME_OFF_NOT_FOUND, "timeOffId"));
    }

    @Test
    void withdrawingTimeOffTwiceIsRefusedTheSecondTime() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED, ADA_TRIP_WITHDRAWN)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TIME_OFF_WITHDRAWN, "timeOffId"));
    }

    @Test
    void withdrawingOneDeclarationLeavesTheOthersWithdrawable() {
        TimeOffDeclaredEvent another = new TimeOffDeclaredEvent(ADA, GROUP, ANOTHER_TRIP, TRIP_TO, TRIP_TO, null);
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED, another, ADA_TRIP_WITHDRAWN)
                .when(new WithdrawTimeOffCommand(ADA, GROUP, ANOTHER_TRIP), ADA_HERSELF)
                .expectEvents(new TimeOffWithdrawnEvent(ADA, GROUP, ANOTHER_TRIP, TRIP_TO, TRIP_TO));
    }

    @Test
    void aDeactivatedMembersTimeOffMayStillBeWithdrawnByAnAdmin() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED, new MemberDeactivatedEvent(ADA, GROUP))
                .when(new WithdrawTimeOffCommand(ADA, GROUP, TRIP), Actors.groupAdmin(BEA, GROUP))
                .expectEvents(ADA_TRIP_WITHDRAWN);
    }

    @Test
    void withdrawingTimeOffThroughAnotherGroupFindsNoMember() {
        fixture.given(ADA_ADDED, ADA_TRIP_DECLARED)
                .when(new WithdrawTimeOffCommand(ADA, OTHER_GROUP, TRIP), ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_NOT_FOUND, null));
    }

    // ---- SMS opt-out and opt-in

    @Test
    void aMemberWhoTextsStopIsOptedOutWithTheKeywordTrimmedAndUpperCased() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "  Stop "), ADA_BY_SMS)
                .expectEventsMatching(Actors.oneEvent(ADA_TEXTED_STOP, null));
    }

    @Test
    void anAdminOptsAMemberOutAndTheEventRecordsWhomTheyActedFor() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, null), Actors.groupAdmin(BEA, GROUP))
                .expectEventsMatching(Actors.oneEvent(new MemberOptedOutOfSmsEvent(ADA, GROUP, null), ADA));
    }

    @Test
    void theSystemOptsOutANumberTheCarrierReportsAsUnsubscribed() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "TWILIO_21610"), Actors.system())
                .expectEventsMatching(Actors.oneEvent(new MemberOptedOutOfSmsEvent(ADA, GROUP, "TWILIO_21610"), ADA));
    }

    @Test
    void aStopThatArrivesTwiceOptsOutOnce() {
        fixture.given(ADA_ADDED, ADA_TEXTED_STOP)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP"), ADA_BY_SMS)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberCannotOptAnotherMemberOut() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP"), Actors.memberBySms(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void anAuditorCannotOptAMemberOut() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP"), Actors.auditor(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void anAuditorsOwnNumberMayOptOut() {
        fixture.given(new MemberAddedEvent(ADA, GROUP, "Ada", ADA_PHONE, MemberRole.AUDITOR))
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP"), Actors.auditor(ADA, GROUP))
                .expectEventsMatching(Actors.oneEvent(ADA_TEXTED_STOP, null));
    }

    @Test
    void aCommandThatNamesNoActorCannotOptAMemberOut() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    @Test
    void aDeactivatedMembersNumberMayStillOptOut() {
        fixture.given(ADA_ADDED, new MemberDeactivatedEvent(ADA, GROUP))
                .when(new OptOutOfSmsCommand(ADA, GROUP, "stop"), ADA_BY_SMS)
                .expectEvents(ADA_TEXTED_STOP);
    }

    @Test
    void aDeactivatedMembersNumberMayOptBackIn() {
        fixture.given(ADA_ADDED, new MemberDeactivatedEvent(ADA, GROUP), ADA_TEXTED_STOP)
                .when(new OptInToSmsCommand(ADA, GROUP, "start"), ADA_BY_SMS)
                .expectEvents(new MemberOptedInToSmsEvent(ADA, GROUP, "START"));
    }

    @Test
    void anOptOutThroughAnotherGroupFindsNoMember() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, OTHER_GROUP, "STOP"), Actors.system())
                .expectNoEvents()
                .expectException(refusal(ErrorCode.MEMBER_NOT_FOUND, null));
    }

    @Test
    void aBlankKeywordIsRecordedAsNone() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "   "), ADA_BY_SMS)
                .expectEvents(new MemberOptedOutOfSmsEvent(ADA, GROUP, null));
    }

    @Test
    void aKeywordWithAControlCharacterIsRefused() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "STOP\u0007"), ADA_BY_SMS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TEXT_INVALID, "keyword"));
    }

    @Test
    void aKeywordOfMoreThanThirtyTwoCharactersIsRefused() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, "S".repeat(33)), ADA_BY_SMS)
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TEXT_TOO_LONG, "keyword"));
    }

    @Test
    void aKeywordOfExactlyThirtyTwoCharactersIsAccepted() {
        fixture.given(ADA_ADDED)
                .when(new OptOutOfSmsCommand(ADA, GROUP, " " + "s".repeat(32) + " "), ADA_BY_SMS)
                .expectEvents(new MemberOptedOutOfSmsEvent(ADA, GROUP, "S".repeat(32)));
    }

    @Test
    void aMemberWhoOptedOutOptsBackIn() {
        fixture.given(ADA_ADDED, ADA_TEXTED_STOP)
                .when(new OptInToSmsCommand(ADA, GROUP, " start "), ADA_BY_SMS)
                .expectEventsMatching(Actors.oneEvent(new MemberOptedInToSmsEvent(ADA, GROUP, "START"), null));
    }

    @Test
    void anAdminOptsAMemberBackInAndTheEventRecordsWhomTheyActedFor() {
        fixture.given(ADA_ADDED, ADA_TEXTED_STOP)
                .when(new OptInToSmsCommand(ADA, GROUP, null), Actors.groupAdmin(BEA, GROUP))
                .expectEventsMatching(Actors.oneEvent(new MemberOptedInToSmsEvent(ADA, GROUP, null), ADA));
    }

    @Test
    void optingInWithoutEverOptingOutRecordsNothing() {
        fixture.given(ADA_ADDED)
                .when(new OptInToSmsCommand(ADA, GROUP, "START"), ADA_BY_SMS)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void optingInAfterOptingOutAndBackInRecordsNothing() {
        fixture.given(ADA_ADDED, ADA_TEXTED_STOP, new MemberOptedInToSmsEvent(ADA, GROUP, "START"))
                .when(new OptInToSmsCommand(ADA, GROUP, "START"), ADA_BY_SMS)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberCannotOptAnotherMemberBackIn() {
        fixture.given(ADA_ADDED, ADA_TEXTED_STOP)
                .when(new OptInToSmsCommand(ADA, GROUP, "START"), Actors.member(BEA, GROUP))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCESS_DENIED, null));
    }

    private void expectRefusedAdd(String name, String phone, ErrorCode code, String field) {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(ADA, GROUP, name, phone, null))
                .expectNoEvents()
                .expectException(refusal(code, field));
        verify(members, never()).requirePhoneFree(any(), any(), any());
    }

    private void expectRefusedTimeOff(DeclareTimeOffCommand command, ErrorCode code, String field) {
        fixture.given(ADA_ADDED)
                .when(command, ADA_HERSELF)
                .expectNoEvents()
                .expectException(refusal(code, field));
    }
}
