package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

/** Who holds a slot. {@code reachableBySms} is false when the member cannot get SMS (no opt-in). */
public record Assignee(MemberId memberId, String name, boolean reachableBySms) {
}
