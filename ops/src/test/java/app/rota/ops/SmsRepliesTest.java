package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.FakeTwilio;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.ops.support.SmsFixtures;
import app.rota.ops.support.SmsFixtures.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reply forms of API.md that SmsApiTest does not walk: NO, bare YES, codes, repeats, strangers, floods, metrics. */
class SmsRepliesTest extends RotaIntegrationTest {

    private static final String DAY_1 = "2038-08-02";
    private static final String DAY_2 = "2038-08-03";
    private static final String DAY_3 = "2038-08-04";

    private String admin;
    private String group;
    private String primary;
    private ScheduleFixtures fixtures;
    private SmsFixtures sms;
    private Member ann;
    private Member bob;

    @BeforeEach
    void annHoldsTwoDaysAndBobOne() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/New_York");
        sms = new SmsFixtures(api, jdbc, admin, group);
        sms.noQuietHours();
        primary = fixtures.shiftType(group, "Primary", "07:00", 24);
        ann = sms.memberWithLogin("Ann", "MEMBER");
        bob = sms.member("Bob", "MEMBER");
        fixtures.assign(group, primary, DAY_1, ann.id());
        fixtures.assign(group, primary, DAY_3, ann.id());
        fixtures.assign(group, primary, DAY_2, bob.id());
    }

    @Test
    void noWithTheCodeDeclinesTheSwapAndTheProposerIsTold() {
        String swap = giveAway(DAY_1);
        String offer = sms.awaitSmsContaining(bob, "offers you their Primary on Mon 2 Aug 2038");

        Api.Response answer = sms.reply(bob, "no " + SmsFixtures.code(offer));

        assertThat(answer.body()).contains("you declined the swap");
        await().atMost(SmsFixtures.WAIT).until(() -> "DECLINED".equals(api.get(swaps() + "/" + swap, admin).json().get("status").asString()));
        assertThat(sms.awaitSmsContaining(ann, "declined")).contains("Bob declined your swap of Primary on Mon 2 Aug 2038");
    }

    @Test
    void aBareYesActsOnTheOnlyOpenOfferAndWithTwoOpenOffersAsksForTheCode() {
        String first = giveAway(DAY_1);
        String offer = sms.awaitSmsContaining(bob, "offers you");

        assertThat(sms.reply(bob, "ACCEPT").body()).contains("you accepted the swap (code " + SmsFixtures.code(offer) + ")");
        await().atMost(SmsFixtures.WAIT).until(() -> "COMPLETED".equals(api.get(swaps() + "/" + first, admin).json().get("status").asString()));

        giveAway(DAY_3);
        Api.Response requested = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2038-08-10\"}}");
        assertThat(requested.status()).isEqualTo(201);
        await().atMost(SmsFixtures.WAIT).until(() -> sms.purposes(bob).contains("COVERAGE_OFFERED")
                && sms.purposes(bob).stream().filter("SWAP_PROPOSED"::equals).count() == 2);
        java.util.List<String> codes = jdbc.queryForList("select offer_code from ntf_message where member_id = ?::uuid and offer_open",
                String.class, bob.id());
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();

        assertThat(sms.reply(bob, "yes").body()).contains("you have 2 open offers; reply with the code");
    }

    @Test
    void aRepeatedWebhookGetsTheSameAnswerAndActsOnce() {
        giveAway(DAY_1);
        String code = SmsFixtures.code(sms.awaitSmsContaining(bob, "offers you"));
        Map<String, String> form = SmsFixtures.inbound(bob.phone(), "YES " + code);
        String signature = FakeTwilio.signature("/api/v1/sms/inbound", form);
        long before = eventCount();

        Api.Response first = api.twilioWebhook("/api/v1/sms/inbound", form, signature);
        long after = eventCount();
        Api.Response repeated = api.twilioWebhook("/api/v1/sms/inbound", form, signature);

        assertThat(first.body()).contains("you accepted the swap");
        assertThat(repeated.body()).isEqualTo(first.body());
        assertThat(after).isGreaterThan(before);
        assertThat(eventCount()).as("nothing more").isEqualTo(after);
    }

    @Test
    void anUnknownNumberGetsANeutralAnswerAndAWrongCodeOrGibberishChangesNothing() {
        long before = eventCount();
        assertThat(sms.reply("+13125550999", "YES 1234").body()).contains("this number is not set up to reply to Rota");
        assertThat(sms.reply(bob, "YES 0000").body()).contains("no open offer has the code 0000");
        assertThat(sms.reply(bob, "what?").body()).contains("not understood").contains("YES &lt;code&gt;");
        assertThat(sms.reply(bob, "INFO").body()).contains("STOP to stop SMS");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aFloodOfRepliesFromOneNumberIsCutOffAfterTheLimitWithoutAnAnswer() {
        String last = null;
        for (int i = 0; i < 12; i++) {
            last = sms.reply(bob, "HELP").body();
        }
        assertThat(last).doesNotContain("<Message>");
        assertThat(sms.reply(ann, "HELP").body()).as("another number is not limited").contains("<Message>");
        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("rota_sms_inbound_total{application=\"rota\",result=\"throttled\"}")
                .contains("rota_sms_outbox_pending").contains("rota_sms_outbox_oldest_pending_seconds").contains("rota_sms_send_seconds_bucket")
                .contains("rota_sms_total{application=\"rota\",outcome=\"sent\",purpose=\"ASSIGNED\"}")
                .doesNotContain(bob.phone()).doesNotContain(bob.phone().substring(1));
    }

    private String giveAway(String date) {
        Api.Response proposed = api.post(swaps(), ann.token(), "{\"fromSlot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + date
                + "\"},\"counterpartId\":\"" + bob.id() + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("id");
    }

    private String swaps() {
        return "/api/v1/groups/" + group + "/swaps";
    }
}
