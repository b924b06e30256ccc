package app.rota.notifier.log;

import app.rota.kernel.common.Actor;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.notification.FindNotificationsQuery;
import app.rota.kernel.notification.Notification;
import app.rota.kernel.notification.NotificationPage;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.notification.NotificationStatus;
import app.rota.notifier.directory.NotifierDirectory;
import app.rota.notifier.send.PhoneMask;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Answers the notification log from the outbox, newest first. Admins, auditors and super admins read the
 * group's; a member reads only their own, whatever filter they ask for. Numbers are always masked.
 */
@Component
class NotificationLog {

    static final int MAX_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final NotifierDirectory directory;

    NotificationLog(JdbcTemplate jdbc, NotifierDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @QueryHandler
    NotificationPage handle(FindNotificationsQuery query, MetaData metaData) {
        if (query.page() < 0 || query.page() > 1_000_000) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "page", "page is 0 or more.");
        }
        if (query.size() < 1 || query.size() > MAX_SIZE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "size", "size is 1 to " + MAX_SIZE + ".");
        }
        SaneDates.checked(query.from(), "from");
        SaneDates.checked(query.to(), "to");
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new RotaException(ErrorCode.DATE_RANGE_INVALID, "to", "to is on or after from.");
        }
        Actor actor = Actor.fromMetaData(metaData);
        MemberId memberId = query.memberId();
        if (actor.role() == Actor.Role.MEMBER) {
            memberId = actor.memberId();
        } else if (actor.role() == Actor.Role.ANONYMOUS) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Log in to read notifications.");
        }
        ZoneId zone = directory.group(query.groupId()).map(NotifierDirectory.GroupInfo::zone).orElse(ZoneOffset.UTC);
        StringBuilder where = new StringBuilder(" where m.group_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.groupId().value()));
        if (query.from() != null) {
            where.append(" and m.created_at >= ?");
            args.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            where.append(" and m.created_at < ?");
            args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (query.status() != null) {
            if (query.status() == NotificationStatus.PENDING) {
                where.append(" and m.status in ('PENDING', 'SENDING')");
            } else {
                where.append(" and m.status = ?");
                args.add(query.status().name());
            }
        }
        if (query.purpose() != null) {
            where.append(" and m.purpose = ?");
            args.add(query.purpose().name());
        }
        if (memberId != null) {
            where.append(" and m.member_id = ?");
            args.add(memberId.value());
        }
        Long total = jdbc.queryForObject("select count(*) from ntf_message m" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Notification> items = jdbc.query("""
                select m.*, n.name as member_name from ntf_message m left join ntf_member n on n.member_id = m.member_id
                """ + where + " order by m.created_at desc, m.id limit ? offset ?", (rs, i) -> new Notification(
                rs.getObject("id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("member_name"),
                PhoneMask.mask(rs.getString("to_phone")), NotificationPurpose.valueOf(rs.getString("purpose")), rs.getString("body"),
                "SENDING".equals(rs.getString("status")) ? NotificationStatus.PENDING : NotificationStatus.valueOf(rs.getString("status")),
                rs.getString("twilio_sid"), rs.getString("error_code"), rs.getString("error_message"), rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("not_before")), instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("updated_at")), rs.getString("correlation_id")), pageArgs.toArray());
        return new NotificationPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
