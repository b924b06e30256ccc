package app.rota.kernel.group;

/**
 * The groups the caller belongs to, by name: a member's login their one group, a super admin every group.
 * Who asks is read from the query's actor metadata, so this names no group of its own.
 */
public record FindGroupsQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
}
