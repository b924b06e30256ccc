package app.rota.ops.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builds groups, members and shift types through the HTTP API, as an admin would. */
public final class ScheduleFixtures {

    public static final String EVERY_DAY =
            "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";
    private static final AtomicInteger PHONES = new AtomicInteger(100);

    private final Api api;
    private final String token;

    public ScheduleFixtures(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    public String group(String zone) {
        Api.Response created = api.post("/api/v1/groups", token, "{\"name\":\"Team\",\"timeZone\":\"" + zone + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    /** A fresh valid US number each call (+1 312 555 01xx…). */
    public static String nextPhone() {
        return "+1312555" + String.format("%04d", PHONES.incrementAndGet());
    }

    public String member(String group, String name) {
        return member(group, name, "MEMBER");
    }

    public String member(String group, String name, String role) {
        Api.Response created = api.post("/api/v1/groups/" + group + "/members", token,
                "{\"name\":\"" + name + "\",\"phone\":\"" + nextPhone() + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    public String memberWithLogin(String group, String name, String role, String username, String password) {
        Api.Response created = api.post("/api/v1/groups/" + group + "/members", token,
                "{\"name\":\"" + name + "\",\"phone\":\"" + nextPhone() + "\",\"role\":\"" + role
                        + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    public String shiftType(String group, String name, String start, int hours) {
        return shiftType(group, name, start, hours, EVERY_DAY);
    }

    public String shiftType(String group, String name, String start, int hours, String days) {
        Api.Response created = api.post("/api/v1/groups/" + group + "/shift-types", token,
                "{\"name\":\"" + name + "\",\"startTime\":\"" + start + "\",\"durationHours\":" + hours
                        + ",\"daysOfWeek\":" + days + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        awaitShiftTypeInCalendar(group, id);
        return id;
    }

    /** Reads follow writes asynchronously: wait until any week of the calendar shows the new shift type. */
    private void awaitShiftTypeInCalendar(String group, String shiftType) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response week = api.get("/api/v1/groups/" + group + "/calendar?from=2038-01-04&to=2038-01-10", token);
            return week.status() == 200 && week.body().contains("\"" + shiftType + "\"");
        });
    }

    public Api.Response assign(String group, String shiftType, String date, String member) {
        return api.put(slot(group, shiftType, date), token, "{\"memberId\":\"" + member + "\",\"reason\":\"test\"}");
    }

    public static String slot(String group, String shiftType, String date) {
        return "/api/v1/groups/" + group + "/slots/" + shiftType + "/" + date + "/assignee";
    }

    /** Waits until the calendar shows the slot with the given version (reads follow writes asynchronously). */
    public void awaitSlotVersion(String group, String shiftType, String date, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response calendar = api.get("/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date, token);
            if (calendar.status() != 200) {
                return false;
            }
            for (var slot : calendar.json().get("slots")) {
                if (slot.get("shiftTypeId").asString().equals(shiftType)) {
                    return slot.get("version").asLong() >= version;
                }
            }
            return false;
        });
    }
}
