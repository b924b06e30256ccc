package app.rota.query.feed;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The feeds' tables: the live tokens (by hash) and the projection's own copy of the members. Issuing a feed is
 * one upsert on the feed's unique key, so two concurrent issues leave exactly one live token.
 */
@Component
class FeedStore {

    /** A live feed: the group's ({@code memberId} null) or one member's. */
    record Feed(GroupId groupId, MemberId memberId) {
    }

    record MemberRow(MemberId memberId, GroupId groupId, String name, boolean active) {
    }

    private final JdbcTemplate jdbc;
    private final boolean revokesFeeds;

    @Autowired
    FeedStore(JdbcTemplate jdbc) {
        this(jdbc, true);
    }

    private FeedStore(JdbcTemplate jdbc, boolean revokesFeeds) {
        this.jdbc = jdbc;
        this.revokesFeeds = revokesFeeds;
    }

    /**
     * The store a rebuild writes the members into. It leaves the tokens alone: they are credentials, not a read
     * model, and not in the rebuild's schema; the live projection revoked a deactivated member's feed when it
     * happened, and none can be issued for them since.
     */
    static FeedStore rebuilding(JdbcTemplate jdbc) {
        return new FeedStore(jdbc, false);
    }

    void memberAdded(MemberId memberId, GroupId groupId, String name) {
        jdbc.update("""
                insert into feed_member (member_id, group_id, name, active) values (?, ?, ?, true)
                on conflict (member_id) do nothing""", memberId.value(), groupId.value(), name);
    }

    void memberRenamed(MemberId memberId, String name) {
        jdbc.update("update feed_member set name = ? where member_id = ?", name, memberId.value());
    }

    /** The member is inactive from now on and their feed is revoked. */
    void memberDeactivated(MemberId memberId) {
        jdbc.update("update feed_member set active = false where member_id = ?", memberId.value());
        if (revokesFeeds) {
            jdbc.update("delete from feed_token where member_id = ?", memberId.value());
        }
    }

    Optional<MemberRow> member(MemberId memberId) {
        return jdbc.query("select member_id, group_id, name, active from feed_member where member_id = ?",
                (rs, row) -> new MemberRow(new MemberId(rs.getObject(1, UUID.class)), new GroupId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getBoolean(4)), memberId.value()).stream().findFirst();
    }

    /** The member's one live feed is now {@code tokenHash}; the one before, if any, is gone. */
    void memberFeedIssued(String tokenHash, GroupId groupId, MemberId memberId, Instant at) {
        jdbc.update("""
                insert into feed_token (token_hash, group_id, member_id, issued_at) values (?, ?, ?, ?)
                on conflict (member_id) where member_id is not null
                do update set token_hash = excluded.token_hash, group_id = excluded.group_id, issued_at = excluded.issued_at""",
                tokenHash, groupId.value(), memberId.value(), Timestamp.from(at));
    }

    /** The group's one live feed is now {@code tokenHash}; the one before, if any, is gone. */
    void groupFeedIssued(String tokenHash, GroupId groupId, Instant at) {
        jdbc.update("""
                insert into feed_token (token_hash, group_id, member_id, issued_at) values (?, ?, null, ?)
                on conflict (group_id) where member_id is null
                do update set token_hash = excluded.token_hash, issued_at = excluded.issued_at""",
                tokenHash, groupId.value(), Timestamp.from(at));
    }

    Optional<Feed> feed(String tokenHash) {
        return jdbc.query("select group_id, member_id from feed_token where token_hash = ?",
                (rs, row) -> new Feed(new GroupId(rs.getObject(1, UUID.class)),
                        rs.getObject(2) == null ? null : new MemberId(rs.getObject(2, UUID.class))), tokenHash).stream().findFirst();
    }

    /** Before a replay: the members are rebuilt from the events; the tokens are credentials and stay. */
    void reset() {
        jdbc.update("delete from feed_member");
    }
}
