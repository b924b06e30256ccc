package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.ops.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenancy on what the handler will actually receive: the {@code groupId} path variable as Spring MVC
 * matched and decoded it, after routing, not a pattern over the raw URI. A caller who does not belong
 * to that group gets 404 {@code GROUP_NOT_FOUND}, exactly like a group that does not exist; one who
 * does is granted {@code ROLE_GROUP_<role>} for this request, which the controllers' method security
 * reads. The command and query buses check the same again ({@code TenantGuard}).
 */
class GroupAccessInterceptor implements HandlerInterceptor {

    static final String GROUP_VARIABLE = "groupId";

    private final Problems problems;

    GroupAccessInterceptor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get(GROUP_VARIABLE) instanceof String groupVariable)) {
            return true;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt)
                || !(jwt.getDetails() instanceof CurrentAccount account)) {
            return true;
        }
        Optional<UUID> group = parse(groupVariable);
        if (group.isEmpty()) {
            problems.write(response, Problems.of(ErrorCode.MALFORMED_REQUEST, GROUP_VARIABLE,
                    "'" + groupVariable + "' is not a valid groupId."));
            return false;
        }
        Optional<String> role = group.flatMap(account::roleIn);
        if (role.isEmpty()) {
            problems.write(response, ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupVariable + ".");
            return false;
        }
        if (!account.superAdmin()) {
            List<GrantedAuthority> authorities = new ArrayList<>(jwt.getAuthorities());
            authorities.add(new SimpleGrantedAuthority("ROLE_GROUP_" + role.get()));
            JwtAuthenticationToken inGroup = new JwtAuthenticationToken(jwt.getToken(), authorities, jwt.getName());
            inGroup.setDetails(account);
            SecurityContextHolder.getContext().setAuthentication(inGroup);
        }
        return true;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
