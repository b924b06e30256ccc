package app.rota.ops.security;

import app.rota.kernel.directory.FindMemberLoginsQuery;
import app.rota.kernel.directory.MemberLogin;
import app.rota.kernel.directory.MemberLoginsResponse;
import app.rota.kernel.member.MemberId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The usernames of a group's member logins, for the directory: logins live in the accounts table (never in
 * events), so the query side asks for them here. Usernames are identifiers, not secrets (README, "Usernames").
 */
@Component
class MemberLoginNames {

    private final AccountRepository accounts;

    MemberLoginNames(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    MemberLoginsResponse handle(FindMemberLoginsQuery query) {
        return new MemberLoginsResponse(accounts.findByGroupIdAndMemberIdIsNotNull(query.groupId().value()).stream()
                .map(account -> new MemberLogin(new MemberId(account.memberId()), account.username()))
                .toList());
    }
}
