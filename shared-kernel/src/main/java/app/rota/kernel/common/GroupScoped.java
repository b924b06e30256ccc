package app.rota.kernel.common;

import app.rota.kernel.group.GroupId;

/**
 * A command or query that acts on one group's data. Its handler is only reached by an actor who
 * belongs to that group (or a super admin, or the system): the buses refuse anyone else with
 * {@code GROUP_NOT_FOUND}, whatever the HTTP layer let through.
 */
public interface GroupScoped {

    GroupId groupId();
}
