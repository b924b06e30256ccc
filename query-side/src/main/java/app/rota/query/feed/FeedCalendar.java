package app.rota.query.feed;

import app.rota.kernel.schedule.CalendarSlot;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a feed as an RFC 5545 calendar for subscriptions (Google Calendar, Outlook, Apple Calendar): one
 * {@code VEVENT} per slot whose {@code UID} is the slot's ({@code <shiftTypeId>-<date>@rota}, stable across
 * reassignments), whose {@code DTSTART}/{@code DTEND} are the real instants in UTC (a DST day's 23 or 25 hours
 * need no time zone definition), and whose {@code SEQUENCE} is the slot's version, so a reassignment is an update
 * of the same event. The output is validated by ical4j (RFC 5545, and RFC 5546's rules for {@code METHOD:PUBLISH})
 * before it is sent.
 */
final class FeedCalendar {

    static final String PRODID = "-//Rota//On-call feed//EN";
    /** How often subscribers should fetch the feed again. */
    static final Duration REFRESH = Duration.ofHours(1);

    /** Whose feed it is: one member's (their own shifts, busy time) or the group's (every slot, shown as free time). */
    enum Kind { MEMBER, GROUP }

    private FeedCalendar() {
    }

    /**
     * @param organizer who publishes the events: the group, by name, at a no-reply address on Rota's own host
     *                  (iTIP's {@code PUBLISH} requires an {@code ORGANIZER} on every event)
     */
    static String write(Kind kind, String name, Organizer organizer, List<CalendarSlot> slots, Instant stamp) {
        Calendar calendar = new Calendar()
                .withProdId(PRODID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .withProperty(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .getFluentTarget();
        for (CalendarSlot slot : slots) {
            VEvent event = new VEvent(false);
            event.add(new Uid(uid(slot)));
            event.add(new DtStamp(stamp));
            event.add(new DtStart<>(slot.start().toInstant()));
            event.add(new DtEnd<>(slot.end().toInstant()));
            event.add(new Sequence(Math.toIntExact(slot.version())));
            event.add(new Summary(summary(kind, slot)));
            event.add(organizer);
            event.add(kind == Kind.GROUP ? ImmutableTransp.TRANSPARENT : ImmutableTransp.OPAQUE);
            calendar.add(event);
        }
        if (slots.isEmpty()) {
            calendar.add(utc());
        }
        StringWriter out = new StringWriter();
        try {
            ValidationResult validation = calendar.validate();
            if (validation.hasErrors()) {
                throw new IllegalStateException("The feed is not valid iCalendar: " + validation);
            }
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The feed is not valid iCalendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * RFC 5545 wants at least one component in a calendar: a feed with no slots carries the definition of UTC (the
     * zone every event's times are in), which subscribers accept and show nothing for.
     */
    private static VTimeZone utc() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.UTC));
        standard.add(new TzOffsetTo(ZoneOffset.UTC));
        standard.add(new TzName("UTC"));
        VTimeZone utc = new VTimeZone(new ComponentList<>(List.of(standard)));
        utc.add(new TzId("UTC"));
        return utc;
    }

    /**
     * {@code ORGANIZER;CN=<group>:mailto:no-reply@<host>}, the host being Rota's public one. A parameter value cannot
     * hold a double quote, so one in the group's name is shown as a single quote.
     */
    static Organizer organizer(String groupName, String host) {
        String cn = groupName.replace('"', '\'');
        return new Organizer(new ParameterList(List.of(new Cn(cn))), URI.create("mailto:no-reply@" + host));
    }

    static String uid(CalendarSlot slot) {
        return slot.shiftTypeId().value() + "-" + slot.date() + "@rota";
    }

    /** The shift type; in the group's feed also who holds it, or that it is open. */
    static String summary(Kind kind, CalendarSlot slot) {
        if (kind == Kind.MEMBER) {
            return slot.shiftTypeName();
        }
        return slot.shiftTypeName() + ": " + (slot.assignee() == null ? "open" : slot.assignee().name());
    }
}
