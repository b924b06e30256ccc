package app.rota.command.slot;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who holds which slot, with its real interval (table {@code cmd_booking}): the set-wide rule that no
 * member holds two overlapping slots. {@link #requireFree} (one member takes a slot) and
 * {@link #requireExchangeable} (two members trade) take transaction-scoped locks on the members before
 * they look, and the bookings are written by the event handlers in the same transaction, so concurrent
 * commands for one member are checked one after the other.
 */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class Bookings {

    /** Distinguishes Rota's advisory locks from any other application's on the same database. */
    private static final int LOCK_SPACE = 0x524F5441;
    private static final int MARGIN_DAYS = ShiftTiming.MAX_DURATION_HOURS / 24 + 1;

    public record Booking(SlotKey slot, MemberId memberId, SlotInterval interval) {
    }

    /** A member and the slot they hold, with its interval: one side of a trade. */
    public record Holding(MemberId memberId, SlotKey slot, SlotInterval interval) {
    }

    private final JdbcTemplate jdbc;

    Bookings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SlotAssignedEvent event) {
        jdbc.update("""
                insert into cmd_booking (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (slot_key) do update set member_id = excluded.member_id""",
                event.slot().toString(), event.groupId().value(), event.slot().shiftTypeId().value(), event.slot().date(),
                event.memberId().value(), Timestamp.from(event.start()), Timestamp.from(event.end()));
    }

    @EventHandler
    void on(SlotUnassignedEvent event) {
        jdbc.update("delete from cmd_booking where slot_key = ?", event.slot().toString());
    }

    /**
     * Refuses with {@code MEMBER_DOUBLE_BOOKED} if the member holds a slot other than {@code slot} that
     * overlaps {@code interval}. Holds the member's lock until the transaction ends.
     */
    public void requireFree(MemberId memberId, SlotKey slot, SlotInterval interval) {
        lock(memberId);
        requireNoOverlap(memberId, interval, slot, slot, "The member already holds slot %s, which overlaps this one.");
    }

    /**
     * Refuses with {@code MEMBER_DOUBLE_BOOKED} unless the two members can trade at once: each takes the
     * other's slot and gives up their own. Checked as one move, so two overlapping slots can be traded
     * (two separate assignments would refuse it: after the first, one member would hold both). Holds
     * both members' locks, taken in a fixed order so that two trades never wait on each other, until
     * the transaction ends: the caller must apply both slots' changes in that same transaction (a trade
     * completes as one command whose handler changes both slot aggregates).
     */
    public void requireExchangeable(Holding first, Holding second) {
        boolean firstLocksFirst = first.memberId().value().compareTo(second.memberId().value()) <= 0;
        lock(firstLocksFirst ? first.memberId() : second.memberId());
        lock(firstLocksFirst ? second.memberId() : first.memberId());
        requireNoOverlap(first.memberId(), second.interval(), first.slot(), second.slot(),
                "The first member also holds slot %s, which overlaps the slot they would take.");
        requireNoOverlap(second.memberId(), first.interval(), second.slot(), first.slot(),
                "The second member also holds slot %s, which overlaps the slot they would take.");
    }

    private void lock(MemberId memberId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, LOCK_SPACE, memberId.value().hashCode());
    }

    /** The member holds no slot overlapping {@code interval} other than the two named (the ones that move). */
    private void requireNoOverlap(MemberId memberId, SlotInterval interval, SlotKey except, SlotKey alsoExcept, String detail) {
        List<String> overlapping = jdbc.queryForList("""
                        select slot_key from cmd_booking
                        where member_id = ? and slot_key <> ? and slot_key <> ? and start_at < ? and end_at > ? limit 1""",
                String.class, memberId.value(), except.toString(), alsoExcept.toString(),
                Timestamp.from(interval.endInstant()), Timestamp.from(interval.startInstant()));
        if (!overlapping.isEmpty()) {
            throw new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId", detail.formatted(overlapping.get(0)));
        }
    }

    /** Who holds the slot, if anyone. */
    public java.util.Optional<MemberId> holderOf(SlotKey slot) {
        return jdbc.query("select member_id from cmd_booking where slot_key = ?",
                (rs, i) -> new MemberId(rs.getObject(1, UUID.class)), slot.toString()).stream().findFirst();
    }

    /** The slots the member holds on the dates {@code from} to {@code to}, in time order. */
    public List<SlotKey> bookingsOf(MemberId memberId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select shift_type_id, slot_date from cmd_booking
                        where member_id = ? and slot_date between ? and ? order by slot_date, start_at""",
                (rs, i) -> new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                memberId.value(), from, to);
    }

    /**
     * The group's bookings that can overlap a slot dated {@code from} to {@code to} (group-local dates):
     * a shift lasts at most a week, so those from a week and a day either side.
     */
    public List<Booking> bookingsAround(GroupId groupId, ZoneId zone, LocalDate from, LocalDate to) {
        return bookingsOfGroup(groupId, from.minusDays(MARGIN_DAYS).atStartOfDay(zone).toInstant(),
                to.plusDays(MARGIN_DAYS + 1).atStartOfDay(zone).toInstant());
    }

    /** The group's bookings whose interval ends after {@code from} and begins before {@code to}. */
    public List<Booking> bookingsOfGroup(GroupId groupId, Instant from, Instant to) {
        return jdbc.query("""
                        select shift_type_id, slot_date, member_id, start_at, end_at from cmd_booking
                        where group_id = ? and end_at > ? and start_at < ?""",
                (rs, i) -> new Booking(
                        new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                        new MemberId(rs.getObject(3, UUID.class)),
                        new SlotInterval(rs.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC),
                                rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC))),
                groupId.value(), Timestamp.from(from), Timestamp.from(to));
    }
}
