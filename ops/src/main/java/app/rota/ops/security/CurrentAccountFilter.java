package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.ops.persistence.DatabaseFailures;
import app.rota.ops.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * A valid signature is not enough: the token's account must still exist, be enabled and be at the
 * token version the token was issued for (changing the password or deactivating the member moves the
 * version on, so every token issued before stops working at once). The account read here is attached
 * to the authentication as a {@link CurrentAccount}, for the tenancy check and the actor of commands.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final CurrentAccounts accounts;

    CurrentAccountFilter(Problems problems, CurrentAccounts accounts) {
        this.problems = problems;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Optional<CurrentAccount> account;
            try {
                account = currentAccount(jwt);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isDatabaseUnusable(e)) {
                    throw e;
                }
                problems.write(response, ErrorCode.DATABASE_UNAVAILABLE,
                        "The database cannot be reached right now; nothing was changed. Try again shortly.", 5);
                return;
            }
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                problems.write(response, ErrorCode.TOKEN_REVOKED,
                        "This token was revoked (password changed or login disabled); log in again.");
                return;
            }
            JwtAuthenticationToken withAccount = new JwtAuthenticationToken(jwt.getToken(), jwt.getAuthorities(), jwt.getName());
            withAccount.setDetails(account.get());
            SecurityContextHolder.getContext().setAuthentication(withAccount);
        }
        chain.doFilter(request, response);
    }

    private Optional<CurrentAccount> currentAccount(JwtAuthenticationToken jwt) {
        UUID id;
        try {
            id = UUID.fromString(jwt.getName());
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
        Object version = jwt.getToken().getClaim(TokenService.VERSION_CLAIM);
        long tokenVersion = version instanceof Number number ? number.longValue() : 0L;
        return accounts.enabledAtVersion(id, tokenVersion);
    }
}
