package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.member.LoginRules;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    record LoginRequest(String username, String password) {
    }

    record LoginResponse(String token, java.time.Instant expiresAt) {
    }

    /** Compared against when the user is unknown, so a wrong user costs as long as a wrong password. */
    private final String dummyHash;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;

    AuthController(AccountRepository accounts, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    /**
     * Unknown user, wrong password and disabled login all answer the same 401. Failures count against
     * the username and the client address ({@link LoginThrottle}).
     */
    @PostMapping("/login")
    @Transactional(readOnly = true)
    LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request.username() == null || request.username().isBlank()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "username", "Give a username or an email address.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "password", "Give a password.");
        }
        String username = request.username().strip();
        String address = http.getRemoteAddr();
        throttle.checkAllowed(username, address);
        Optional<Account> account = LoginRules.USERNAME.matcher(username).matches()
                ? accounts.findByLogin(username) : Optional.empty();
        boolean hashable = LoginRules.fitsHash(request.password());
        boolean matches = throttle.hashing(() -> passwords.matches(hashable ? request.password() : "",
                account.filter(a -> hashable).map(Account::passwordHash).orElse(dummyHash)));
        if (account.isEmpty() || !matches || !account.get().isEnabled()) {
            throttle.failed(username, address);
            throw new RotaException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password.");
        }
        var issued = tokens.issue(account.get());
        return new LoginResponse(issued.token(), issued.expiresAt());
    }
}
