package app.rota.kernel.schedule;

/** Who holds a slot. {@code reachableBySms} is false when the member cannot get SMS (no opt-in). */
public record Assignee(MemberId memberId, String name, boolean reachableBySms) {
}
