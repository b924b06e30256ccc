package app.rota.ops;

import app.rota.kernel.audit.AuditEntry;
import app.rota.ops.support.Api;
import app.rota.ops.support.Browser;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The web app in a real headless Chromium against the whole running Rota: two browsers, so two people, share the
 * class (started once, logged in as whoever each test needs).
 */
class WebAppBrowserTest extends RotaIntegrationTest {

    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";
    private static final AtomicInteger LOGINS = new AtomicInteger();

    private static Browser alice;
    private static Browser bob;

    private String admin;
    private ScheduleFixtures fixtures;

    /** A failed test leaves both browsers' screens in target/screenshots, to see what the test saw. */
    @RegisterExtension
    final TestWatcher screensOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String test = context.getRequiredTestMethod().getName();
            if (alice != null) {
                alice.screenshot("failed-" + test + "-alice");
                bob.screenshot("failed-" + test + "-bob");
            }
        }
    };

    @BeforeEach
    void browsers() {
        if (alice == null) {
            alice = Browser.open(port);
            bob = Browser.open(port);
        }
        alice.resize(1280, 900);
        bob.resize(1280, 900);
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser browser : new Browser[] {alice, bob}) {
            if (browser != null) {
                browser.close();
            }
        }
        alice = null;
        bob = null;
    }

    private static By slot(String shiftType, String date) {
        return By.cssSelector("button.slot[data-slot='" + shiftType + "/" + date + "']");
    }

    private static By inDialog(String css) {
        return By.cssSelector("dialog[open] " + css);
    }

    private static String groupOf(Browser browser) {
        String url = browser.driver().getCurrentUrl();
        return url.replaceAll(".*[?&]group=([0-9a-f-]{36}).*", "$1");
    }

    private JsonNode calendarSlot(String group, String shiftType, String date) {
        for (JsonNode slot : api.get("/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date, admin).json().get("slots")) {
            if (slot.get("shiftTypeId").asString().equals(shiftType)) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + shiftType + "/" + date);
    }

    private void awaitHolder(String group, String shiftType, String date, String member) {
        await().atMost(Duration.ofSeconds(10)).until(() -> member.equals(calendarSlot(group, shiftType, date).at("/assignee/memberId").asString()));
    }

    private static String uniqueLogin(String name) {
        return name + "-web-" + LOGINS.incrementAndGet();
    }

    /**
     * Dates follow today's, so the tests never age: swaps, cover and rotations act on future slots only. A UTC group's
     * day {@code days} from today.
     */
    private static LocalDate daysAhead(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days);
    }

    /** The days whose clocks change next year in the zone: spring forward (the gap) first, then fall back. */
    private static List<ZoneOffsetTransition> clockChangesNextYear(ZoneId zone) {
        int year = LocalDate.now(zone).getYear() + 1;
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        ZoneOffsetTransition next = zone.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        while (next != null && next.getDateTimeBefore().getYear() == year) {
            changes.add(next);
            next = zone.getRules().nextTransition(next.getInstant());
        }
        assertThat(changes).as(zone + " changes its clocks twice in " + year).hasSize(2);
        assertThat(changes.get(0).isGap()).isTrue();
        return changes;
    }

    /** How the app names a day without its month ("Thu 10"): browsers differ on short month names ("Sep", "Sept"). */
    private static String weekdayAndDay(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date.getDayOfMonth();
    }

    @Test
    void anAdminCreatesAGroupAMemberAndAShiftTypeAndAssignsASlotByClickingAndWithTheKeyboard() {
        alice.logOut();
        alice.await(By.name("username"));
        alice.screenshot("01-login");
        alice.logIn(ADMIN, ADMIN_PASSWORD);

        alice.go("#/groups");
        alice.type(By.cssSelector("form[aria-labelledby=new-group-title] input[name=name]"), "Cardiology");
        alice.choose(By.cssSelector("form[aria-labelledby=new-group-title] select[name=timeZone]"), "America/Chicago");
        alice.click(By.cssSelector("form[aria-labelledby=new-group-title] button[type=submit]"));
        alice.await(By.id("add-member-title"));
        String group = groupOf(alice);
        assertThat(api.get("/api/v1/groups/" + group, admin).json().get("timeZone").asString()).isEqualTo("America/Chicago");

        for (String name : List.of("Ada Lovelace", "Grace Hopper")) {
            alice.type(By.cssSelector("form[aria-labelledby=add-member-title] input[name=name]"), name);
            alice.type(By.cssSelector("form[aria-labelledby=add-member-title] input[name=phone]"), ScheduleFixtures.nextPhone());
            alice.click(By.cssSelector("form[aria-labelledby=add-member-title] button[type=submit]"));
            alice.awaitText(By.cssSelector("table.members tbody"), name);
        }
        alice.screenshot("02-members");

        alice.click(By.linkText("Shift types"));
        alice.type(By.cssSelector("form[aria-labelledby=define-title] input[name=name]"), "Primary");
        alice.click(By.cssSelector("form[aria-labelledby=define-title] button[type=submit]"));
        alice.awaitText(By.cssSelector("table.data tbody"), "Primary");
        String primary = alice.await(By.cssSelector("tr[data-shift-type]")).getAttribute("data-shift-type");

        LocalDate springForward = clockChangesNextYear(ZoneId.of("America/Chicago")).get(0).getDateTimeBefore().toLocalDate();
        String month = YearMonth.from(springForward).toString();
        String saturday = springForward.minusDays(1).toString();
        String sunday = springForward.toString();
        String ordinaryDay = springForward.plusDays(7).toString();
        alice.go("#/calendar?group=" + group + "&month=" + month);
        assertThat(alice.awaitText(By.cssSelector("tr[data-date='" + sunday + "'] th"), "DST").getText())
                .as("the spring-forward day is marked").contains("23 h day");
        assertThat(alice.await(By.cssSelector("tr[data-date='" + ordinaryDay + "']")).findElements(By.cssSelector(".dst")))
                .as("a day of 24 h in the month shown is not").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            alice.go("#/calendar?group=" + group + "&month=" + month);
            alice.await(By.cssSelector("main#view h1"));
            return !alice.all(slot(primary, saturday)).isEmpty();
        });

        alice.click(slot(primary, saturday));
        alice.choose(inDialog("select[name=member]"), "Ada Lovelace");
        alice.type(inDialog("input[name=reason]"), "first rota");
        alice.screenshot("03-assign-dialog");
        alice.click(inDialog("button[name=assign]"));
        WebElement cell = alice.awaitText(slot(primary, saturday), "Ada Lovelace");
        assertThat(cell.getText()).as("the real length of the spring-forward shift").contains("08:00–08:00", "23 h");

        WebElement next = alice.await(slot(primary, sunday));
        alice.script("arguments[0].focus()", next);
        next.sendKeys(Keys.ENTER);
        alice.await(inDialog("select[name=member]")).sendKeys("Grace");
        alice.driver().switchTo().activeElement().sendKeys(Keys.TAB, "by keyboard", Keys.ENTER);
        alice.awaitText(slot(primary, sunday), "Grace Hopper");
        assertThat(alice.driver().switchTo().activeElement().getAttribute("data-slot"))
                .as("focus returns to the slot after the dialog").isEqualTo(primary + "/" + sunday);
        assertThat(calendarSlot(group, primary, saturday).at("/assignee/name").asString()).isEqualTo("Ada Lovelace");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Grace Hopper".equals(calendarSlot(group, primary, sunday).at("/assignee/name").asString()));

        fixtures.member(group, "Alan Turing");
        fixtures.shiftType(group, "Backup", "08:00", 24);
        YearMonth shown = YearMonth.parse(month);
        assertThat(api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"" + shown.atDay(1) + "\",\"to\":\"" + shown.atEndOfMonth() + "\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            alice.go("#/calendar?group=" + group + "&month=" + month);
            alice.await(By.cssSelector("table.grid"));
            return alice.await(By.cssSelector("table.grid thead")).getText().contains("Backup")
                    && alice.all(By.cssSelector("button.slot[data-status=OPEN]")).isEmpty();
        });
        alice.awaitNoToast();
        alice.scrollToTop();
        alice.screenshot("04-calendar");

        alice.resize(390, 844);
        alice.go("#/calendar?group=" + group + "&month=" + month);
        alice.awaitText(slot(primary, saturday), "Ada Lovelace");
        assertThat((Boolean) alice.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a phone's screen").isTrue();
        alice.scrollToTop();
        alice.screenshot("05-calendar-phone");
    }

    @Test
    void aStaleAssignmentIsRefusedWithWhatChangedAndTheSlotCanBeReloadedAndAssignedAgain() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String ben = fixtures.member(group, "Ben");
        String day = daysAhead(30).toString();
        String month = day.substring(0, 7);
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        bob.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        alice.click(slot(primary, day));
        bob.click(slot(primary, day));

        alice.choose(inDialog("select[name=member]"), "Ada");
        alice.click(inDialog("button[name=assign]"));
        alice.awaitText(slot(primary, day), "Ada");
        bob.choose(inDialog("select[name=member]"), "Ben");
        bob.click(inDialog("button[name=assign]"));

        WebElement conflict = bob.awaitText(inDialog(".conflict"), "now held by Ada");
        assertThat(conflict.getText()).contains("You saw nobody (version 0)", "now held by Ada (version 1)", "Not saved");
        assertThat(conflict.getAttribute("role")).isEqualTo("alert");
        bob.screenshot("06-conflict");
        assertThat(calendarSlot(group, primary, day).at("/assignee/memberId").asString()).isEqualTo(ada);

        bob.click(inDialog("button[name=reload]"));
        bob.awaitText(inDialog(".holder"), "Ada");
        assertThat(bob.await(inDialog(".version")).getText()).isEqualTo("version 1");
        assertThat(bob.all(inDialog(".conflict"))).isEmpty();
        bob.click(inDialog("button[name=assign]"));
        bob.awaitText(slot(primary, day), "Ben");
        awaitHolder(group, primary, day, ben);
        assertThat(calendarSlot(group, primary, day).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aMemberProposesATradeAndTheOtherMemberAcceptsItInTheirInbox() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String adaLogin = uniqueLogin("ada");
        String benLogin = uniqueLogin("ben");
        String ada = fixtures.memberWithLogin(group, "Ada", "MEMBER", adaLogin, "ada-password-123");
        String ben = fixtures.memberWithLogin(group, "Ben", "MEMBER", benLogin, "ben-password-123");
        LocalDate adas = daysAhead(30);
        LocalDate bens = adas.plusDays(2);
        assertThat(fixtures.assign(group, primary, adas.toString(), ada).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, bens.toString(), ben).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, bens.toString(), 1);

        alice.logIn(adaLogin, "ada-password-123").go("#/schedule?group=" + group + "&from=" + adas + "&to=" + bens);
        alice.click(By.cssSelector("li[data-slot='" + primary + "/" + adas + "'] button[name=trade]"));
        alice.choose(inDialog("select[name=counterpart]"), "Ben");
        alice.until(driver -> alice.all(inDialog("select[name=toSlot] option")).size() == 2);
        alice.choose(inDialog("select[name=toSlot]"),
                alice.all(inDialog("select[name=toSlot] option")).get(1).getText());
        assertThat(alice.await(inDialog("select[name=toSlot]")).getText()).contains(weekdayAndDay(bens));
        alice.click(inDialog("button[type=submit]"));
        alice.awaitText(By.id("toast"), "Trade proposed");
        alice.awaitText(By.cssSelector("li[data-slot='" + primary + "/" + adas + "']"), "swap pending");

        bob.logIn(benLogin, "ben-password-123").go("#/inbox?group=" + group);
        WebElement card = bob.awaitText(By.cssSelector("li.swap[data-status=PROPOSED]"), "Ada");
        assertThat(card.getText()).contains("Ada offers Primary " + weekdayAndDay(adas), "for Ben's Primary " + weekdayAndDay(bens));
        assertThat(bob.all(By.cssSelector("li.swap button[name=approve]"))).as("a member does not approve").isEmpty();
        bob.screenshot("07-inbox");
        bob.click(By.cssSelector("li.swap[data-status=PROPOSED] button[name=accept]"));
        bob.awaitText(By.id("toast"), "Accepted");

        awaitHolder(group, primary, adas.toString(), ben);
        awaitHolder(group, primary, bens.toString(), ada);
        JsonNode swaps = api.get("/api/v1/groups/" + group + "/swaps", admin).json();
        assertThat(swaps.at("/items/0/status").asString()).isEqualTo("COMPLETED");
        assertThat(swaps.at("/items/0/history/1/actor/name").asString()).isEqualTo(benLogin);
    }

    @Test
    void aMemberAsksForCoverAndAColleagueOfferedTheSlotClaimsIt() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String adaLogin = uniqueLogin("ada");
        String benLogin = uniqueLogin("ben");
        String ada = fixtures.memberWithLogin(group, "Ada", "MEMBER", adaLogin, "ada-password-123");
        String ben = fixtures.memberWithLogin(group, "Ben", "MEMBER", benLogin, "ben-password-123");
        String day = daysAhead(30).toString();
        assertThat(fixtures.assign(group, primary, day, ada).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, day, 1);

        alice.logIn(adaLogin, "ada-password-123").go("#/schedule?group=" + group + "&from=" + day + "&to=" + day);
        alice.click(By.cssSelector("li[data-slot='" + primary + "/" + day + "'] button[name=cover]"));
        alice.type(inDialog("input[name=reason]"), "conference");
        alice.click(inDialog("button[type=submit]"));
        alice.awaitText(By.cssSelector("li[data-slot='" + primary + "/" + day + "']"), "cover requested");

        bob.logIn(benLogin, "ben-password-123").go("#/inbox?group=" + group);
        WebElement request = bob.awaitText(By.cssSelector("li.cover[data-status=OPEN]"), "Ada asks for cover");
        assertThat(request.getText()).contains("Primary " + weekdayAndDay(LocalDate.parse(day)), "Offered to Ben", "conference");
        bob.click(By.cssSelector("li.cover[data-status=OPEN] button[name=claim]"));
        bob.awaitText(By.id("toast"), "Claimed");

        awaitHolder(group, primary, day, ben);
    }

    @Test
    void aChangeMadeInOneBrowserAppearsInAnotherWithoutAReload() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate fallBack = clockChangesNextYear(berlin).get(1).getDateTimeBefore().toLocalDate();
        String night = fallBack.minusDays(1).toString();
        String month = YearMonth.from(fallBack).toString();
        String group = fixtures.group(berlin.getId());
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        fixtures.member(group, "Ada");
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        bob.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        bob.awaitText(By.cssSelector(".topbar .live"), "Live");
        bob.script("window.rotaNotReloaded = true");

        alice.click(slot(primary, night));
        alice.choose(inDialog("select[name=member]"), "Ada");
        alice.click(inDialog("button[name=assign]"));

        WebElement seen = bob.awaitText(slot(primary, night), "Ada");
        assertThat(seen.getText()).as("the fall-back night is 25 h").contains("25 h");
        assertThat(seen.getAttribute("data-version")).isEqualTo("1");
        assertThat(bob.script("return window.rotaNotReloaded")).as("no reload").isEqualTo(true);
        assertThat(bob.awaitText(By.cssSelector("tr[data-date='" + fallBack + "'] th"), "DST").getText()).contains("25 h day");
        bob.script("arguments[0].scrollIntoView({block: 'center'})", seen);
        bob.screenshot("08-live-update");
    }

    @Test
    void aMemberNamedLikeMarkupIsShownAsTextEverywhereAndRunsNothing() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/members?group=" + group);
        alice.type(By.cssSelector("form[aria-labelledby=add-member-title] input[name=name]"), MARKUP_NAME);
        alice.type(By.cssSelector("form[aria-labelledby=add-member-title] input[name=phone]"), ScheduleFixtures.nextPhone());
        alice.click(By.cssSelector("form[aria-labelledby=add-member-title] button[type=submit]"));

        assertThat(alice.awaitText(By.cssSelector("table.members .member-name"), MARKUP_NAME).getText()).isEqualTo(MARKUP_NAME);
        String member = alice.await(By.cssSelector("table.members tr[data-member]")).getAttribute("data-member");
        String day = daysAhead(30).toString();
        assertThat(fixtures.assign(group, primary, day, member).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, day, 1);
        alice.go("#/calendar?group=" + group + "&month=" + day.substring(0, 7));
        assertThat(alice.awaitText(slot(primary, day), "<img").findElement(By.cssSelector(".who")).getText())
                .isEqualTo(MARKUP_NAME);
        alice.go("#/audit?group=" + group);
        alice.awaitText(By.cssSelector("table.audit"), MARKUP_NAME);

        assertThat(alice.all(By.cssSelector("#app img"))).as("no element made from the name").isEmpty();
        assertThatThrownBy(() -> alice.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void anAdminGeneratesARotationAndReadsItsFairnessTheAuditLogAndTheCalendarAsItWasBefore() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        for (String name : List.of("Ada", "Ben", "Cleo")) {
            fixtures.member(group, name);
        }
        Instant before = newestRecorded(group, "MemberAdded", 3);

        YearMonth august = YearMonth.of(LocalDate.now(ZoneOffset.UTC).getYear() + 1, 8);
        String from = august.atDay(1).toString();
        String to = august.atEndOfMonth().toString();
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/rotation?group=" + group);
        alice.script("arguments[0].value = arguments[1]", alice.await(By.name("from")), from);
        alice.script("arguments[0].value = arguments[1]", alice.await(By.name("to")), to);
        alice.click(By.cssSelector("main form button[type=submit]"));
        assertThat(alice.awaitText(By.cssSelector("section.result h2"), "Assigned").getText())
                .isEqualTo("Assigned 31 slot(s), left 0 open");
        assertThat(alice.await(By.cssSelector("section.result")).getText()).contains("Spread: 1 slot(s)");
        assertThat(alice.all(By.cssSelector("section.result svg.chart rect"))).hasSizeGreaterThanOrEqualTo(3);
        alice.awaitNoToast();
        alice.script("document.querySelector('section.result').scrollIntoView()");
        alice.screenshot("09-rotation");

        fixtures.awaitSlotVersion(group, primary, to, 1);
        alice.go("#/fairness?group=" + group + "&from=" + from + "&to=" + to);
        List<WebElement> rows = alice.until(driver -> {
            List<WebElement> found = alice.all(By.cssSelector("table.fairness tbody tr"));
            return found.size() == 3 ? found : null;
        });
        assertThat(rows).extracting(WebElement::getText).allMatch(text -> text.matches("(Ada|Ben|Cleo) 1[01] .*"));
        alice.screenshot("10-fairness");

        alice.go("#/audit?group=" + group + "&type=SlotAssigned");
        alice.awaitText(By.cssSelector("table.audit"), "assigned to Primary");
        assertThat(alice.all(By.cssSelector("select[name=type] option")).stream().map(option -> option.getAttribute("value"))
                .filter(value -> !value.isEmpty()).toList()).as("every type of entry the server records can be chosen")
                .containsExactlyElementsOf(AuditEntry.TYPES);
        alice.click(By.cssSelector("table.audit tbody tr td:last-child button"));
        assertThat(alice.awaitText(inDialog("ol.history"), "v1 assigned").getText()).contains("rotation");
        alice.screenshot("11-slot-history");
        alice.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        alice.until(driver -> alice.all(By.cssSelector("dialog[open]")).isEmpty());
        alice.screenshot("12-audit");

        showCalendarAsOf(group, before, august);
        assertThat(alice.all(By.cssSelector("table.grid button.slot"))).as("before the rotation").hasSize(august.lengthOfMonth())
                .allMatch(button -> "OPEN".equals(button.getAttribute("data-status")));
        showCalendarAsOf(group, newestRecorded(group, "SlotAssigned", august.lengthOfMonth()), august);
        assertThat(alice.all(By.cssSelector("table.grid button.slot"))).as("once it was done").hasSize(august.lengthOfMonth())
                .allMatch(button -> "ASSIGNED".equals(button.getAttribute("data-status")));
    }

    /**
     * When the newest of the {@code count} audit entries of a type was recorded (once the log has them all): an instant
     * taken from the event store's own timestamps, so no clock needs to move on between two steps of a test.
     */
    private Instant newestRecorded(String group, String type, int count) {
        String entries = "/api/v1/groups/" + group + "/audit?type=" + type;
        JsonNode log = await().atMost(Duration.ofSeconds(15)).until(() -> api.get(entries, admin).json(),
                page -> page.get("total").asInt() == count);
        return OffsetDateTime.parse(log.at("/items/0/at").asString()).toInstant();
    }

    /**
     * The audit view's "Calendar as of" for a UTC group: the month as recorded at the instant, given to the millisecond
     * (rounded up, so that a change recorded at that instant is included).
     */
    private void showCalendarAsOf(String group, Instant instant, YearMonth month) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime asOf = (millis.isBefore(instant) ? millis.plusMillis(1) : millis).atOffset(ZoneOffset.UTC);
        String date = asOf.toLocalDate().toString();
        String time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(asOf);
        alice.go("#/audit?group=" + group + "&asOfDate=" + date + "&asOfTime=" + time + "&asOfMonth=" + month);
        alice.awaitText(By.cssSelector("table.grid caption"), "As recorded at " + date + " " + time);
    }

    @Test
    void everyViewOpensWithoutAnErrorForAnAdminAndForAMember() {
        String group = fixtures.group("UTC");
        fixtures.shiftType(group, "Primary", "08:00", 24);
        String login = uniqueLogin("cleo");
        fixtures.memberWithLogin(group, "Cleo", "MEMBER", login, "cleo-password-123");
        alice.logIn(ADMIN, ADMIN_PASSWORD);
        for (String view : List.of("calendar", "inbox", "rotation", "members", "shift-types", "notifications", "audit",
                "fairness", "feeds", "groups", "account")) {
            alice.go("#/" + view + "?group=" + group);
            alice.await(By.cssSelector("main#view h1"));
            alice.until(driver -> !alice.await(By.cssSelector("main#view")).getText().startsWith("Loading"));
            assertThat(alice.all(By.cssSelector("main#view .error"))).as(view).isEmpty();
        }
        bob.logIn(login, "cleo-password-123");
        List<String> links = bob.all(By.cssSelector("nav.tabs a")).stream().map(WebElement::getText).toList();
        assertThat(links).contains("My schedule", "Calendar link").doesNotContain("Rotation", "Audit", "Groups");
        for (String view : List.of("calendar", "schedule", "inbox", "members", "notifications", "fairness", "feeds")) {
            bob.go("#/" + view + "?group=" + group);
            bob.await(By.cssSelector("main#view h1"));
            bob.until(driver -> !bob.await(By.cssSelector("main#view")).getText().startsWith("Loading"));
            assertThat(bob.all(By.cssSelector("main#view .error"))).as(view).isEmpty();
        }
        bob.click(By.cssSelector("main#view button.primary"));
        assertThat(bob.await(By.cssSelector("input.feed-url")).getAttribute("value")).contains("/api/v1/feeds/").endsWith(".ics");
        bob.screenshot("13-calendar-link");
    }

    /**
     * From now on the browser's reads whose URL matches {@code urlPattern} (a JavaScript regular expression) reach Rota
     * at once, but their answers are handed to the app only when the test releases them: all with
     * {@code window.rotaReleaseReads()}, or one with {@code window.rotaReleaseRead(index)}. A slow network, on cue.
     * {@code window.rotaHeldReads} counts the answers held; {@code window.rotaReadsHandedOver} is set once the app has
     * had a released answer and whatever it started without waiting has run.
     */
    private static void holdReads(Browser browser, String urlPattern) {
        browser.script("""
                const pattern = new RegExp(arguments[0]);
                const realFetch = window.fetch;
                const held = [];
                window.rotaHeldReads = 0;
                window.fetch = async (url, options) => {
                  if (!pattern.test(String(url))) return realFetch(url, options);
                  const response = await realFetch(url, options);
                  const body = await response.text();
                  await new Promise(release => {
                    held.push(release);
                    window.rotaHeldReads = held.length;
                  });
                  const answer = new Response(body, { status: response.status, headers: response.headers });
                  const text = answer.text.bind(answer);
                  // what the app does with the text runs in promise callbacks, all before this timer's task
                  answer.text = () => text().then(read => {
                    setTimeout(() => { window.rotaReadsHandedOver = true; });
                    return read;
                  });
                  return answer;
                };
                window.rotaReleaseRead = index => held[index]();
                window.rotaReleaseReads = () => {
                  window.fetch = realFetch;
                  held.forEach(release => release());
                };""", urlPattern);
    }

    private static void awaitHeldReads(Browser browser, long count) {
        browser.until(driver -> Long.valueOf(count).equals(browser.script("return window.rotaHeldReads")));
    }

    @Test
    void aChangeMadeWhileTheCalendarIsBeingReadIsShownOnceTheReadArrives() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String day = daysAhead(30).toString();
        String month = day.substring(0, 7);
        bob.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        bob.awaitText(slot(primary, day), "Open");
        bob.awaitText(By.cssSelector(".topbar .live"), "Live");
        bob.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/app/live.js').then(live => {
                  window.rotaStreamed = [];
                  live.subscribe(slot => window.rotaStreamed.push(slot.date));
                  done();
                });""");
        holdReads(bob, "/calendar\\?");

        bob.script("location.hash = arguments[0]", "#/calendar?group=" + group + "&month=" + month + "&read=again");
        awaitHeldReads(bob, 1);
        assertThat(fixtures.assign(group, primary, day, ada).status()).isEqualTo(200);
        bob.until(driver -> (Boolean) bob.script("return window.rotaStreamed.includes(arguments[0])", day));
        bob.script("window.rotaReleaseReads()");

        assertThat(bob.awaitText(slot(primary, day), "Ada").getAttribute("data-version"))
                .as("the change that came while the month was read, over the older read").isEqualTo("1");
    }

    @Test
    void aViewStillReadingWhenTheUserHasMovedOnIsNeverShown() {
        String group = fixtures.group("UTC");
        fixtures.shiftType(group, "Primary", "08:00", 24);
        String month = daysAhead(0).toString().substring(0, 7);
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/calendar?group=" + group + "&month=" + month);
        alice.await(By.cssSelector("table.grid"));
        holdReads(alice, "/calendar\\?");

        alice.script("location.hash = arguments[0]", "#/calendar?group=" + group + "&month=" + YearMonth.parse(month).plusMonths(1));
        awaitHeldReads(alice, 1);
        alice.click(By.linkText("Members"));
        alice.awaitText(By.cssSelector("main#view h1"), "Members");
        alice.script("window.rotaReleaseReads()");
        alice.until(driver -> Boolean.TRUE.equals(alice.script("return window.rotaReadsHandedOver")));

        assertThat(alice.await(By.cssSelector("main#view h1")).getText()).isEqualTo("Members");
        assertThat(alice.all(By.cssSelector("table.grid"))).as("the calendar read too late").isEmpty();
        assertThat(alice.all(By.cssSelector("main#view"))).hasSize(1);
    }

    @Test
    void theOnCallBarKeepsTheNewestAnswerWhenAnOlderOneArrivesAfterIt() {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusHours(6);
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", String.format("%02d:00", started.getHour()), 24);
        String ada = fixtures.member(group, "Ada");
        alice.logIn(ADMIN, ADMIN_PASSWORD).go("#/members?group=" + group);
        alice.awaitText(By.cssSelector("section.oncall"), "nobody");
        alice.awaitText(By.cssSelector(".topbar .live"), "Live");
        holdReads(alice, "/on-call");

        alice.script("location.hash = arguments[0]", "#/shift-types?group=" + group);
        awaitHeldReads(alice, 1);
        assertThat(fixtures.assign(group, primary, started.toLocalDate().toString(), ada).status()).isEqualTo(200);
        awaitHeldReads(alice, 2);
        alice.script("window.rotaReleaseRead(1)");
        alice.awaitText(By.cssSelector("section.oncall"), "Ada");
        alice.script("window.rotaReadsHandedOver = false; window.rotaReleaseRead(0)");
        alice.until(driver -> Boolean.TRUE.equals(alice.script("return window.rotaReadsHandedOver")));

        assertThat(alice.await(By.cssSelector("section.oncall")).getText()).as("the older answer came last").contains("Ada");
    }

    @Test
    void aChangeThatIsStillNotShownAfterAFewSecondsIsToldWithAReload() {
        alice.logIn(ADMIN, ADMIN_PASSWORD);
        Object result = alice.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/app/settle.js').then(async ({ untilSeen }) => {
                  let reads = 0;
                  const soon = await untilSeen(async () => {
                    reads++;
                    if (reads < 3) throw Object.assign(new Error('not there yet'), { status: 404 });
                    return true;
                  }, { attempts: 5, pause: 10 });
                  const readsSoon = reads;
                  reads = 0;
                  const never = await untilSeen(async () => { reads++; return false; }, { attempts: 4, pause: 10 });
                  done(JSON.stringify({ soon, readsSoon, never, readsNever: reads }));
                });""");
        assertThat(Api.JSON.readTree((String) result).toString())
                .isEqualTo("{\"soon\":true,\"readsSoon\":3,\"never\":false,\"readsNever\":4}");

        WebElement notice = alice.awaitText(By.id("toast"), "not shown here yet");
        assertThat(notice.getText()).contains("Reload");
        alice.script("window.rotaNotReloaded = true");
        alice.click(By.cssSelector("#toast button"));
        alice.until(driver -> alice.script("return window.rotaNotReloaded") == null);
        alice.await(By.cssSelector("header.topbar"));
    }

    @Test
    void aStreamThatEndsAtOnceIsOpenedAgainAfterAGrowingPauseNotInATightLoop() {
        alice.logIn(ADMIN, ADMIN_PASSWORD);
        Object result = alice.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const realFetch = window.fetch;
                const opened = [];
                window.fetch = (url, options) => {
                  if (!String(url).includes('/groups/closing-proxy/')) return realFetch(url, options);
                  opened.push(Date.now());
                  return Promise.resolve(new Response('', { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
                };
                import('/app/stream.js').then(({ listen }) => {
                  const states = [];
                  const stream = listen('closing-proxy', { onSlot: () => {}, onResync: () => {}, onState: state => states.push(state) });
                  setTimeout(() => {
                    stream.close();
                    window.fetch = realFetch;
                    done(JSON.stringify({ pauses: opened.slice(1).map((at, i) => at - opened[i]), states: [...new Set(states)] }));
                  }, 4500);
                });""");
        JsonNode stream = Api.JSON.readTree((String) result);

        assertThat(stream.get("pauses")).as("opened at 0, 1 s and 3 s (the next at 7 s): " + stream).hasSize(2);
        assertThat(stream.at("/pauses/0").asLong()).isBetween(950L, 2000L);
        assertThat(stream.at("/pauses/1").asLong()).as("growing").isBetween(1950L, 3400L);
        assertThat(stream.get("states").toString()).contains("live", "reconnecting");
    }

    @Test
    void theStreamParserReadsEventsSplitAcrossChunksAndLineEndings() {
        alice.go("");
        Object events = alice.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/app/stream.js').then(({ EventStreamParser }) => {
                  const events = [];
                  const parser = new EventStreamParser(event => events.push(event));
                  for (const chunk of [': heartbeat\\r\\n', 'id: 7\\r\\nevent: slot\\r\\ndata: {"a":', '1}\\r', '\\n\\r\\n',
                                       'data: x\\ndata:y\\n\\n', 'event: slot\\n\\n', 'id: 9\\ndata: z\\r\\r\\n']) {
                    parser.push(chunk);
                  }
                  done(JSON.stringify(events));
                });""");
        assertThat(Api.JSON.readTree((String) events).toString()).isEqualTo(
                "[{\"id\":\"7\",\"event\":\"slot\",\"data\":\"{\\\"a\\\":1}\"},"
                        + "{\"id\":null,\"event\":\"message\",\"data\":\"x\\ny\"},"
                        + "{\"id\":\"9\",\"event\":\"message\",\"data\":\"z\"}]");
    }
}
