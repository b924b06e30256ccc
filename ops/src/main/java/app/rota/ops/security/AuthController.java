package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    AuthController(AccountRepository accounts, PasswordEncoder passwords, TokenService tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @PostMapping("/login")
    @Transactional(readOnly = true)
    LoginResponse login(@RequestBody LoginRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "username", "Give a username or an email address.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "password", "Give a password.");
        }
        var account = accounts.findByLogin(request.username().strip());
        boolean matches = passwords.matches(request.password(), account.map(Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches || !account.get().isEnabled()) {
            throw new RotaException(ErrorCode.INVALID_CREDENTIALS, "Unknown user or wrong password.");
        }
        var issued = tokens.issue(account.get());
        return new LoginResponse(issued.token(), issued.expiresAt());
    }
}
