package app.rota.kernel.member;

/** A login to create with a member: as the client typed it; the member's handler checks it against {@link LoginRules}. */
public record NewLogin(String username, String password) {

    /** Never shows the password (commands can end up in logs). */
    @Override
    public String toString() {
        return "NewLogin[username=" + username + "]";
    }
}
