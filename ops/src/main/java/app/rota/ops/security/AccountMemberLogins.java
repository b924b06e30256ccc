package app.rota.ops.security;

import app.rota.command.member.MemberLogins;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.MemberId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

import java.time.Clock;

/** Member logins in the accounts table; each call runs in the caller's (the command's) transaction. */
@Component
class AccountMemberLogins implements MemberLogins {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final IdGenerator ids;

    AccountMemberLogins(AccountRepository accounts, PasswordEncoder passwords, Clock clock, IdGenerator ids) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void create(MemberId memberId, GroupId groupId, MemberRole role, String username, String password) {
        if (accounts.loginTaken(username)) {
            throw usernameTaken();
        }
        try {
            accounts.saveAndFlush(Account.member(ids.generateId(), username, passwords.encode(password), memberId.value(),
                    groupId.value(), role.name(), clock.instant()));
        } catch (DataIntegrityViolationException concurrentlyTaken) {
            throw usernameTaken();
        }
    }

    @Override
    public void roleChanged(MemberId memberId, MemberRole role) {
        accounts.findByMemberId(memberId.value()).ifPresent(account -> account.roleChanged(role.name(), clock.instant()));
    }

    @Override
    public void disabled(MemberId memberId) {
        accounts.findByMemberId(memberId.value()).ifPresent(account -> account.disable(clock.instant()));
    }

    private static RotaException usernameTaken() {
        return new RotaException(ErrorCode.USERNAME_TAKEN, "username", "This username is taken.");
    }
}
