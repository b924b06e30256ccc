package app.rota.ops;

import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.EscalateCoverageCommand;
import app.rota.kernel.coverage.MarkCoverageUnfilledCommand;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.swap.ExpireSwapCommand;
import app.rota.kernel.swap.SwapId;
import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.ops.support.SmsFixtures;
import app.rota.ops.support.SmsFixtures.Member;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recipient rule of the swap and coverage workflows (README, "SMS: who is told what"), on the real
 * stack: each party gets the purposes the table says, and nobody else gets anything.
 */
class SmsRecipientsTest extends RotaIntegrationTest {

    private static final String DAY_1 = "2038-07-05";
    private static final String DAY_2 = "2038-07-06";

    @Autowired
    private CommandGateway commands;

    private String admin;
    private String group;
    private String primary;
    private ScheduleFixtures fixtures;
    private SmsFixtures sms;
    private Member ann;
    private Member bob;
    private Member boss;

    @BeforeEach
    void annAndBobHoldPrimaryAndBossIsTheAdmin() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("Europe/Paris");
        sms = new SmsFixtures(api, jdbc, admin, group);
        sms.noQuietHours();
        primary = fixtures.shiftType(group, "Primary", "09:00", 24);
        ann = sms.memberWithLogin("Ann", "MEMBER");
        bob = sms.memberWithLogin("Bob", "MEMBER");
        boss = sms.member("Boss", "ADMIN");
        assertThat(fixtures.assign(group, primary, DAY_1, ann.id()).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, DAY_2, bob.id()).status()).isEqualTo(200);
        sms.awaitPurposes(ann, 1);
        sms.awaitPurposes(bob, 1);
    }

    @Test
    void withApprovalRequiredTheProposerHearsOfTheAcceptanceTheAdminsAreAskedAndARejectionReachesBoth() {
        approvalRequired("swapApprovalRequired");
        String swap = proposeTrade();
        assertThat(api.post(swaps() + "/" + swap + "/accept", bob.token(), "").status()).isEqualTo(200);
        assertThat(api.post(swaps() + "/" + swap + "/reject", admin, "{\"reason\":\"not this week\"}").status()).isEqualTo(200);

        assertThat(sms.awaitPurposes(ann, 3)).containsExactly("ASSIGNED", "SWAP_ACCEPTED", "SWAP_REJECTED");
        assertThat(sms.awaitPurposes(bob, 3)).containsExactly("ASSIGNED", "SWAP_PROPOSED", "SWAP_REJECTED");
        assertThat(sms.awaitPurposes(boss, 1)).containsExactly("SWAP_APPROVAL_NEEDED");
        assertThat(sms.awaitSmsContaining(ann, "rejected")).contains("(not this week)").contains("Primary on Mon 5 Jul 2038");
        assertThat(sms.awaitSmsContaining(boss, "approval")).contains("between Ann and Bob");
    }

    @Test
    void aDeclineTellsTheProposerAndACancellationTellsTheCounterpart() {
        String declined = proposeTrade();
        assertThat(api.post(swaps() + "/" + declined + "/decline", bob.token(), "").status()).isEqualTo(200);
        String cancelled = proposeTrade();
        assertThat(api.post(swaps() + "/" + cancelled + "/cancel", ann.token(), "").status()).isEqualTo(200);

        assertThat(sms.awaitPurposes(ann, 2)).containsExactly("ASSIGNED", "SWAP_DECLINED");
        assertThat(sms.awaitPurposes(bob, 4)).containsExactly("ASSIGNED", "SWAP_PROPOSED", "SWAP_PROPOSED", "SWAP_CANCELLED");
        assertThat(sms.awaitSmsContaining(ann, "declined")).contains("Bob declined your swap of Primary on Mon 5 Jul 2038");
    }

    @Test
    void anExpiredSwapTellsTheProposerAndAFailedOneTellsBoth() {
        String expired = proposeTrade();
        commands.sendAndWait(new ExpireSwapCommand(new SwapId(UUID.fromString(expired)), new GroupId(UUID.fromString(group))));
        sms.awaitPurposes(ann, 2);
        String failed = proposeTrade();
        assertThat(fixtures.assign(group, primary, DAY_1, bob.id()).status()).as("an admin's edit fails the swap").isEqualTo(200);

        assertThat(sms.awaitPurposes(ann, 4)).containsExactly("ASSIGNED", "SWAP_EXPIRED", "UNASSIGNED", "SWAP_FAILED");
        assertThat(sms.awaitPurposes(bob, 5)).containsExactly("ASSIGNED", "SWAP_PROPOSED", "SWAP_PROPOSED", "ASSIGNED", "SWAP_FAILED");
        assertThat(failed).isNotBlank();
    }

    @Test
    void aClaimNeedingApprovalTellsTheRequesterAndTheAdminsThenTheCoverTellsRequesterAndClaimant() {
        approvalRequired("coverageApprovalRequired");
        String request = requestCoverage(ann);
        assertThat(sms.awaitPurposes(bob, 2)).containsExactly("ASSIGNED", "COVERAGE_OFFERED");
        assertThat(api.post(coverage() + "/" + request + "/claim", bob.token(), "").status()).isEqualTo(200);
        assertThat(api.post(coverage() + "/" + request + "/approve", admin, "").status()).isEqualTo(200);

        assertThat(sms.awaitPurposes(ann, 3)).containsExactly("ASSIGNED", "COVERAGE_CLAIMED", "COVERAGE_COVERED");
        assertThat(sms.awaitPurposes(bob, 3)).containsExactly("ASSIGNED", "COVERAGE_OFFERED", "COVERAGE_COVERED");
        assertThat(sms.awaitPurposes(boss, 2)).containsExactly("COVERAGE_OFFERED", "COVERAGE_APPROVAL_NEEDED");
        assertThat(sms.awaitSmsContaining(ann, "covers")).contains("Bob covers your Primary on Mon 5 Jul 2038 from 09:00");
    }

    @Test
    void aCancelledRequestTellsThoseStillOfferedAndAnEscalationAndAnUnfilledShiftReachTheAdmins() {
        String cancelled = requestCoverage(ann);
        sms.awaitPurposes(boss, 1);
        assertThat(api.post(coverage() + "/" + cancelled + "/cancel", ann.token(), "").status()).isEqualTo(200);
        assertThat(sms.awaitPurposes(bob, 3)).containsExactly("ASSIGNED", "COVERAGE_OFFERED", "COVERAGE_CANCELLED");

        String open = requestCoverage(ann);
        CoverageRequestId id = new CoverageRequestId(UUID.fromString(open));
        commands.sendAndWait(new EscalateCoverageCommand(id, new GroupId(UUID.fromString(group))));
        commands.sendAndWait(new MarkCoverageUnfilledCommand(id, new GroupId(UUID.fromString(group))));

        assertThat(sms.awaitPurposes(boss, 5)).containsExactly("COVERAGE_OFFERED", "COVERAGE_CANCELLED", "COVERAGE_OFFERED",
                "COVERAGE_ESCALATED", "COVERAGE_UNFILLED");
        assertThat(sms.awaitPurposes(ann, 2)).contains("COVERAGE_UNFILLED").doesNotContain("COVERAGE_ESCALATED", "COVERAGE_OFFERED");
    }

    /** The policy is the command side's: the notifier's copy of the settings does not change. */
    private void approvalRequired(String policy) {
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"" + policy
                + "\":true,\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}").status()).isEqualTo(200);
    }

    @Test
    void aRotationRunTellsEachMemberOnceWithASummaryAndNoSmsPerSlot() {
        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-09-01\",\"to\":\"2038-09-09\",\"memberIds\":[\"" + ann.id() + "\",\"" + bob.id() + "\"]}");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);

        assertThat(sms.awaitPurposes(ann, 2)).containsExactly("ASSIGNED", "ROTATION_PUBLISHED");
        assertThat(sms.awaitPurposes(bob, 2)).containsExactly("ASSIGNED", "ROTATION_PUBLISHED");
        assertThat(sms.awaitSmsContaining(ann, "rotation")).contains("the rotation for Wed 1 Sep 2038 to Thu 9 Sep 2038 gives you")
                .contains("Primary on Wed 1 Sep 2038");
        assertThat(sms.purposes(boss)).isEmpty();
    }

    private String proposeTrade() {
        Api.Response proposed = api.post(swaps(), ann.token(), "{\"fromSlot\":" + slot(DAY_1) + ",\"toSlot\":" + slot(DAY_2)
                + ",\"counterpartId\":\"" + bob.id() + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("id");
    }

    private String requestCoverage(Member requester) {
        Api.Response requested = api.post(coverage(), requester.token(), "{\"slot\":" + slot(DAY_1) + ",\"reason\":\"conference\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.text("id");
    }

    private String swaps() {
        return "/api/v1/groups/" + group + "/swaps";
    }

    private String coverage() {
        return "/api/v1/groups/" + group + "/coverage-requests";
    }

    private String slot(String date) {
        return "{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + date + "\"}";
    }
}
