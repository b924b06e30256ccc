package app.rota.ops.support;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A group's members with known phones, the SMS they got from the fake Twilio, their replies, and the notification log. */
public final class SmsFixtures {

    public static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern CODE = Pattern.compile("YES (\\d{4})");

    public record Member(String id, String phone, String token) {
    }

    private final Api api;
    private final JdbcTemplate jdbc;
    private final String admin;
    private final String group;
    private final FakeTwilio twilio = FakeTwilio.shared();

    public SmsFixtures(Api api, JdbcTemplate jdbc, String admin, String group) {
        this.api = api;
        this.jdbc = jdbc;
        this.admin = admin;
        this.group = group;
    }

    /** Quiet hours off (equal start and end), once the notifier has seen it. */
    public void noQuietHours() {
        settings("{\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}");
    }

    /** Replaces the group's settings (omitted fields take their defaults) and waits until the notifier's copy changed. */
    public void settings(String json) {
        String before = notifierSettings();
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, json).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !notifierSettings().equals(before));
    }

    private String notifierSettings() {
        return jdbc.queryForList("select g::text from ntf_group g where group_id = ?::uuid", String.class, group).stream()
                .findFirst().orElse("");
    }

    public Member member(String name, String role) {
        String phone = ScheduleFixtures.nextPhone();
        Api.Response created = api.post("/api/v1/groups/" + group + "/members", admin,
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitKnown(created.text("id"));
        return new Member(created.text("id"), phone, null);
    }

    public Member memberWithLogin(String name, String role) {
        String phone = ScheduleFixtures.nextPhone();
        String username = name.toLowerCase() + "-" + phone.substring(phone.length() - 6);
        Api.Response created = api.post("/api/v1/groups/" + group + "/members", admin,
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"role\":\"" + role + "\",\"username\":\"" + username
                        + "\",\"password\":\"sms-password-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitKnown(created.text("id"));
        return new Member(created.text("id"), phone, api.login(username, "sms-password-1"));
    }

    private void awaitKnown(String memberId) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_member where member_id = ?::uuid",
                Integer.class, memberId) == 1);
    }

    public List<String> awaitSms(Member member, int count) {
        await().atMost(WAIT).until(() -> twilio.sentTo(member.phone()).size() >= count);
        return twilio.sentTo(member.phone());
    }

    public String awaitSmsContaining(Member member, String text) {
        await().atMost(WAIT).until(() -> twilio.sentTo(member.phone()).stream().anyMatch(body -> body.contains(text)));
        return twilio.sentTo(member.phone()).stream().filter(body -> body.contains(text)).findFirst().orElseThrow();
    }

    /** The purposes of the member's notifications, oldest first, once there are {@code count}. */
    public List<String> awaitPurposes(Member member, int count) {
        await().atMost(WAIT).until(() -> purposes(member).size() >= count);
        return purposes(member);
    }

    public List<String> purposes(Member member) {
        return jdbc.queryForList("select purpose from ntf_message where member_id = ?::uuid order by created_at, purpose",
                String.class, member.id());
    }

    public JsonNode awaitLog(String query, int count) {
        String path = "/api/v1/groups/" + group + "/notifications" + query;
        await().atMost(WAIT).until(() -> api.get(path, admin).json().get("total").asInt() >= count);
        return api.get(path, admin).json();
    }

    public Api.Response reply(Member member, String body) {
        return reply(member.phone(), body);
    }

    public Api.Response reply(String phone, String body) {
        Map<String, String> form = inbound(phone, body);
        return api.twilioWebhook("/api/v1/sms/inbound", form, FakeTwilio.signature("/api/v1/sms/inbound", form));
    }

    public static Map<String, String> inbound(String phone, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("From", phone);
        form.put("To", FakeTwilio.FROM);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    public static String code(String sms) {
        Matcher matcher = CODE.matcher(sms);
        assertThat(matcher.find()).as(sms).isTrue();
        return matcher.group(1);
    }
}
