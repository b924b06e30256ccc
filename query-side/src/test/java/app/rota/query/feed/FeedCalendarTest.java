package app.rota.query.feed;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.Assignee;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotStatus;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's iCalendar text on its own: strictly valid, with or without events, DST days as real instants. */
class FeedCalendarTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ShiftTypeId PRIMARY = new ShiftTypeId(UUID.fromString("7f0c3c2e-0000-4000-8000-000000000001"));
    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void aFeedWithNoSlotsIsStillAValidCalendar() throws Exception {
        String text = FeedCalendar.write(FeedCalendar.Kind.MEMBER, "Ann on call (Team)", FeedCalendar.organizer("Team", "rota.example"),
                List.of(), NOW);

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));

        assertThat(calendar.validate().hasErrors()).as(text).isFalse();
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
    }

    @Test
    void theSpringForwardSlotIs23HoursInUtcWithTheSlotsUidSequenceAndHolder() throws Exception {
        CalendarSlot slot = slot(LocalDate.of(2027, 3, 13), new Assignee(new MemberId(UUID.randomUUID()), "Ann, \"the\" first; 1", true), 3);
        CalendarSlot open = slot(LocalDate.of(2027, 3, 14), null, 0);

        String text = FeedCalendar.write(FeedCalendar.Kind.GROUP, "Team \"on\" call", FeedCalendar.organizer("Team \"A\", B", "rota.example"),
                List.of(slot, open), NOW);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));

        assertThat(calendar.validate().hasErrors()).as(text).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(text).contains("UID:" + PRIMARY.value() + "-2027-03-13@rota\r\n")
                .contains("DTSTART:20270313T140000Z\r\n").contains("DTEND:20270314T130000Z\r\n")
                .contains("SEQUENCE:3\r\n").contains("DTSTAMP:20270301T120000Z\r\n")
                .contains("SUMMARY:Primary: open\r\n").contains("TRANSP:TRANSPARENT\r\n");
        assertThat(events.get(0).getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Primary: Ann, \"the\" first; 1");
    }

    private static CalendarSlot slot(LocalDate date, Assignee assignee, long version) {
        var start = LocalDateTime.of(date, LocalTime.of(8, 0)).atZone(CHICAGO);
        var end = LocalDateTime.of(date.plusDays(1), LocalTime.of(8, 0)).atZone(CHICAGO);
        return new CalendarSlot(PRIMARY, "Primary", date, start.toOffsetDateTime(), end.toOffsetDateTime(),
                (end.toEpochSecond() - start.toEpochSecond()) / 3600.0, assignee == null ? SlotStatus.OPEN : SlotStatus.ASSIGNED,
                assignee, version, null, null);
    }
}
