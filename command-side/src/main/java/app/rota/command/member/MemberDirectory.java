package app.rota.command.member;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The members the command side knows (table {@code cmd_member}): group, role, whether active, the
 * order they joined, and their phone, unique within the group. A phone is checked free, under a lock
 * on the (group, phone) pair, before a member takes it; the unique constraint stays as a backstop.
 */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class MemberDirectory {

    /** What other rules need to know about a member. */
    public record MemberFacts(MemberId memberId, GroupId groupId, MemberRole role, boolean active) {

        public boolean belongsTo(GroupId group) {
            return groupId.equals(group);
        }

        /** Admins and members take call; auditors only read. */
        public boolean takesCall() {
            return active && role != MemberRole.AUDITOR;
        }
    }

    /** Distinguishes these advisory locks from the members' ({@code Bookings}) and any other application's. */
    private static final int PHONE_LOCK_SPACE = 0x524F5450;

    private final JdbcTemplate jdbc;

    MemberDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberAddedEvent event) {
        try {
            int inserted = jdbc.update("""
                    insert into cmd_member (member_id, group_id, phone, active, role) values (?, ?, ?, true, ?)
                    on conflict (group_id, phone) do nothing""",
                    event.memberId().value(), event.groupId().value(), event.phone(), event.role().name());
            if (inserted == 0) {
                throw phoneTaken();
            }
        } catch (DuplicateKeyException concurrentlyTaken) {
            throw phoneTaken();
        }
    }

    @EventHandler
    void on(MemberChangedEvent event) {
        try {
            jdbc.update("update cmd_member set phone = ?, role = ? where member_id = ?",
                    event.phone(), event.role().name(), event.memberId().value());
        } catch (DuplicateKeyException concurrentlyTaken) {
            throw phoneTaken();
        }
    }

    @EventHandler
    void on(MemberDeactivatedEvent event) {
        jdbc.update("update cmd_member set active = false where member_id = ?", event.memberId().value());
    }

    public Optional<MemberFacts> member(MemberId memberId) {
        return jdbc.query("select group_id, role, active from cmd_member where member_id = ?",
                (rs, i) -> new MemberFacts(memberId, new GroupId(rs.getObject(1, UUID.class)),
                        MemberRole.valueOf(rs.getString(2)), rs.getBoolean(3)),
                memberId.value()).stream().findFirst();
    }

    /** The member, if they belong to the group; otherwise {@code MEMBER_NOT_FOUND} on {@code field}. */
    public MemberFacts memberOf(GroupId groupId, MemberId memberId, String field) {
        return member(memberId).filter(m -> m.belongsTo(groupId))
                .orElseThrow(() -> new RotaException(ErrorCode.MEMBER_NOT_FOUND, field, "No member " + memberId + " in this group."));
    }

    /**
     * Refuses a phone that another member of the group already has. Locks the (group, phone) pair to the
     * end of the transaction first, so of two members taking one phone at once the second sees the first.
     */
    public void requirePhoneFree(GroupId groupId, String phone, MemberId taker) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, PHONE_LOCK_SPACE,
                (groupId.value() + phone).hashCode());
        boolean taken = !jdbc.queryForList("select 1 from cmd_member where group_id = ? and phone = ? and member_id <> ?",
                Integer.class, groupId.value(), phone, taker.value()).isEmpty();
        if (taken) {
            throw phoneTaken();
        }
    }

    /** The group's members in the order they joined. */
    public List<MemberFacts> membersOf(GroupId groupId) {
        return jdbc.query("select member_id, role, active from cmd_member where group_id = ? order by joined_order",
                (rs, i) -> new MemberFacts(new MemberId(rs.getObject(1, UUID.class)), groupId,
                        MemberRole.valueOf(rs.getString(2)), rs.getBoolean(3)),
                groupId.value());
    }

    private static RotaException phoneTaken() {
        return new RotaException(ErrorCode.PHONE_TAKEN, "phone", "Another member of this group has this phone number.");
    }
}
