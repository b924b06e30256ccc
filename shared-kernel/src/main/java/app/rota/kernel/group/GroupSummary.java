package app.rota.kernel.group;

public record GroupSummary(GroupId id, String name, String timeZone) {
}
