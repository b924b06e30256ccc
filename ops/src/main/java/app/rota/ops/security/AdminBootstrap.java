package app.rota.ops.security;

import app.rota.ops.RotaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.IdGenerator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Creates the super admin on first start (no super admin in the accounts table yet). Without
 * {@code ROTA_ADMIN_PASSWORD} a random password is generated and printed once; it is never logged again.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final RotaProperties properties;
    private final Clock clock;
    private final IdGenerator ids;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder passwords, RotaProperties properties, Clock clock,
                   IdGenerator ids) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.existsBySuperAdminTrue()) {
            return;
        }
        String username = properties.admin().username() == null || properties.admin().username().isBlank()
                ? "admin" : properties.admin().username().strip();
        String password = properties.admin().password();
        boolean generated = password == null || password.isEmpty();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        accounts.save(Account.superAdmin(ids.generateId(), username, passwords.encode(password), clock.instant()));
        if (generated) {
            log.warn("Created super admin '{}' with generated password: {}  (shown once; set ROTA_ADMIN_PASSWORD to choose it)",
                    username, password);
        } else {
            log.info("Created super admin '{}' from ROTA_ADMIN_USERNAME / ROTA_ADMIN_PASSWORD", username);
        }
    }
}
