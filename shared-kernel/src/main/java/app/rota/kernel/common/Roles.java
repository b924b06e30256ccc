package app.rota.kernel.common;

/**
 * Role names as Spring-free constants. {@code SUPER_ADMIN} is global; the {@code GROUP_*} roles hold
 * for the group a request names in its path.
 */
public final class Roles {

    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String GROUP_ADMIN = "GROUP_ADMIN";
    public static final String GROUP_MEMBER = "GROUP_MEMBER";
    public static final String GROUP_AUDITOR = "GROUP_AUDITOR";

    private Roles() {
    }
}
