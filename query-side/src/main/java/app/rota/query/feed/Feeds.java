package app.rota.query.feed;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.schedule.CalendarResponse;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.kernel.schedule.FindCalendarQuery;
import app.rota.kernel.schedule.FindMemberScheduleQuery;
import app.rota.kernel.schedule.MemberScheduleResponse;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Answers a feed's address: the token names the feed (one member's or the group's), and the slots come from the
 * calendar through the query bus, from 60 days back to 365 days ahead of the group's today. A feed request has no
 * login, so once the token has said which group it is, the feed asks as the {@code SYSTEM} actor (metadata set
 * here is kept by the bus's dispatch interceptor, and the tenancy guard lets the system through); the token
 * decides what is shown, nothing in the request does.
 */
@Component
class Feeds {

    static final int DAYS_BACK = 60;
    static final int DAYS_AHEAD = 365;
    /** The longest range the calendar answers in one query (its own limit); longer windows are asked in parts. */
    static final int MAX_DAYS_PER_QUERY = 366;

    private static final MetaData SYSTEM = MetaData.from(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "system",
            ActorMetadata.ACTOR_NAME, "system", ActorMetadata.ACTOR_ROLE, "SYSTEM",
            ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.SYSTEM.name()));

    /** A feed ready to send: the calendar text and an entity tag that changes only when an event does. */
    record Rendered(String body, String etag) {
    }

    private final FeedStore store;
    private final QueryGateway queries;
    private final Clock clock;

    Feeds(FeedStore store, QueryGateway queries, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.clock = clock;
    }

    /** @param publicHost Rota's host as subscribers reach it, for the events' organizer address */
    Rendered render(String token, String publicHost) {
        if (!FeedTokens.wellFormed(token)) {
            throw notFound();
        }
        FeedStore.Feed feed = store.feed(FeedTokens.hash(token)).orElseThrow(Feeds::notFound);
        GroupResponse group = ask(new FindGroupQuery(feed.groupId()), GroupResponse.class);
        if (group == null) {
            throw notFound();
        }
        ZoneId zone = ZoneId.of(group.timeZone());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate from = today.minusDays(DAYS_BACK);
        LocalDate to = today.plusDays(DAYS_AHEAD);
        List<CalendarSlot> slots = new ArrayList<>();
        String name;
        FeedCalendar.Kind kind;
        if (feed.memberId() == null) {
            kind = FeedCalendar.Kind.GROUP;
            name = group.name() + " on call";
            for (LocalDate[] part : parts(from, to)) {
                slots.addAll(ask(new FindCalendarQuery(feed.groupId(), part[0], part[1]), CalendarResponse.class).slots());
            }
        } else {
            FeedStore.MemberRow member = store.member(feed.memberId()).filter(FeedStore.MemberRow::active).orElseThrow(Feeds::notFound);
            kind = FeedCalendar.Kind.MEMBER;
            name = member.name() + " on call (" + group.name() + ")";
            for (LocalDate[] part : parts(from, to)) {
                slots.addAll(ask(new FindMemberScheduleQuery(feed.groupId(), feed.memberId(), part[0], part[1]),
                        MemberScheduleResponse.class).slots());
            }
        }
        return new Rendered(FeedCalendar.write(kind, name, FeedCalendar.organizer(group.name(), publicHost), slots, clock.instant()),
                etag(name, kind, slots));
    }

    /** The window in consecutive parts of at most {@link #MAX_DAYS_PER_QUERY} days, both ends inclusive. */
    static List<LocalDate[]> parts(LocalDate from, LocalDate to) {
        List<LocalDate[]> parts = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(MAX_DAYS_PER_QUERY)) {
            LocalDate end = start.plusDays(MAX_DAYS_PER_QUERY - 1);
            parts.add(new LocalDate[] {start, end.isAfter(to) ? to : end});
        }
        return parts;
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(new GenericMessage<>(query, SYSTEM), ResponseTypes.instanceOf(type)).join();
    }

    /** Over what a subscriber sees of each event (not DTSTAMP, which is the time of each answer). */
    private static String etag(String name, FeedCalendar.Kind kind, List<CalendarSlot> slots) {
        StringBuilder seen = new StringBuilder(name).append('\n');
        for (CalendarSlot slot : slots) {
            seen.append(FeedCalendar.uid(slot)).append('|').append(slot.start().toInstant()).append('|')
                    .append(slot.end().toInstant()).append('|').append(slot.version()).append('|')
                    .append(FeedCalendar.summary(kind, slot)).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seen.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static RotaException notFound() {
        return new RotaException(ErrorCode.FEED_NOT_FOUND, "No calendar feed at this address: it is unknown or was replaced by a newer one.");
    }
}
