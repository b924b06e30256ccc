package app.rota.ops.security;

import app.rota.kernel.common.Roles;
import app.rota.ops.RotaProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Issues the signed token a successful login answers with. */
@Component
class TokenService {

    static final String ISSUER = "rota";
    static final String ROLES_CLAIM = "roles";
    static final String NAME_CLAIM = "name";
    static final String MEMBER_CLAIM = "memberId";
    static final String GROUP_CLAIM = "groupId";
    static final String VERSION_CLAIM = "ver";

    private final JwtEncoder encoder;
    private final RotaProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, RotaProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    record IssuedToken(String token, Instant expiresAt) {
    }

    IssuedToken issue(Account account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(NAME_CLAIM, account.username())
                .claim(VERSION_CLAIM, account.tokenVersion())
                .claim(ROLES_CLAIM, account.isSuperAdmin() ? List.of(Roles.SUPER_ADMIN) : List.of());
        if (account.memberId() != null) {
            claims.claim(MEMBER_CLAIM, account.memberId().toString()).claim(GROUP_CLAIM, account.groupId().toString());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new IssuedToken(token, expiresAt);
    }
}
