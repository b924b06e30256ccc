package app.rota.kernel.group;

public record FindGroupQuery(GroupId groupId) {
}
