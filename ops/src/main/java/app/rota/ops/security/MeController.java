package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.member.LoginRules;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/** The caller's own login. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Authentication")
class MeController {

    record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    /** {@code role} is the group role: ADMIN, MEMBER or AUDITOR. */
    record Membership(UUID groupId, String groupName, UUID memberId, String role) {
    }

    record MeResponse(String username, boolean superAdmin, List<Membership> memberships) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final QueryGateway queries;

    MeController(AccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, Clock clock,
                 QueryGateway queries) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.queries = queries;
    }

    /**
     * Who the caller is, as the accounts table says on this request: the username, whether a super admin (who belongs
     * to every group without being a member of any), and the member login's one group with its role. The group's name
     * comes from the query side (null on a node that runs none).
     */
    @GetMapping
    MeResponse me(JwtAuthenticationToken authentication) {
        if (!(authentication.getDetails() instanceof CurrentAccount account)) {
            throw new RotaException(ErrorCode.TOKEN_REVOKED, "Log in again.");
        }
        List<Membership> memberships = account.memberId() == null ? List.of()
                : List.of(new Membership(account.groupId(), groupName(account.groupId()), account.memberId(), account.groupRole()));
        return new MeResponse(account.username(), account.superAdmin(), memberships);
    }

    private String groupName(UUID groupId) {
        try {
            return queries.query(new FindGroupQuery(new GroupId(groupId)), ResponseTypes.optionalInstanceOf(GroupResponse.class))
                    .join().map(GroupResponse::name).orElse(null);
        } catch (CompletionException e) {
            if (e.getCause() instanceof NoHandlerForQueryException) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Changes the caller's password. Every token issued before, this one included, stops working: the
     * client logs in again with the new password. A wrong current password counts as a failed login.
     */
    @PostMapping("/password")
    @Transactional
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @RequestBody ChangePasswordRequest request,
                                        HttpServletRequest http) {
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "currentPassword", "Give the current password.");
        }
        String newPassword = LoginRules.validPassword(request.newPassword(), "newPassword");
        Account account = accounts.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> new RotaException(ErrorCode.TOKEN_REVOKED, "Log in again."));
        throttle.checkAllowed(account.username(), http.getRemoteAddr());
        boolean matches = LoginRules.fitsHash(request.currentPassword())
                && throttle.hashing(() -> passwords.matches(request.currentPassword(), account.passwordHash()));
        if (!matches) {
            throttle.failed(account.username(), http.getRemoteAddr());
            throw new RotaException(ErrorCode.WRONG_PASSWORD, "currentPassword", "The current password is wrong.");
        }
        account.passwordChanged(throttle.hashing(() -> passwords.encode(newPassword)), clock.instant());
        return ResponseEntity.noContent().build();
    }
}
