package app.rota.ops.security;

import app.rota.ops.RotaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 signing key: {@code ROTA_JWT_SECRET} when set, otherwise a random key generated once and
 * kept in the data directory, so tokens stay valid across restarts.
 */
final class JwtKeys {

    static final int MIN_SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);

    private JwtKeys() {
    }

    static SecretKey signingKey(RotaProperties properties) {
        String configured = properties.jwtSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("ROTA_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            return new SecretKeySpec(secret, "HmacSHA256");
        }
        return new SecretKeySpec(storedSecret(properties.dataDir().resolve("jwt-secret")), "HmacSHA256");
    }

    private static byte[] storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] secret = new byte[64];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            restrictToOwner(file);
            log.info("Generated a JWT signing key in {} (set ROTA_JWT_SECRET to choose one; several nodes must share it)", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key at " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
        }
    }
}
