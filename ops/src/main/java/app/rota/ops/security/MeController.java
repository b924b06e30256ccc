package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.member.LoginRules;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/** The caller's own login. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Authentication")
class MeController {

    record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    MeController(AccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
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
