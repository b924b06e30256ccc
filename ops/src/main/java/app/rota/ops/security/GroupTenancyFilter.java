package app.rota.ops.security;

import app.rota.kernel.common.Roles;
import app.rota.kernel.error.ErrorCode;
import app.rota.ops.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenancy at the door. A request under {@code /api/v1/groups/{g}} from a user who does not belong to
 * group g answers 404, exactly as for a group that does not exist, so nothing leaks. A member's role
 * in their group is read fresh from the accounts table on each request (so a role change or a
 * deactivation takes effect at once) and granted as {@code ROLE_GROUP_ADMIN}, {@code ROLE_GROUP_MEMBER}
 * or {@code ROLE_GROUP_AUDITOR} for this request. The super admin belongs to every group.
 */
class GroupTenancyFilter extends OncePerRequestFilter {

    private static final Pattern GROUP_PATH = Pattern.compile("^/api/v1/groups/([^/]+)(/.*)?$");

    private final Problems problems;
    private final AccountRepository accounts;

    GroupTenancyFilter(Problems problems, AccountRepository accounts) {
        this.problems = problems;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = GROUP_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (path.matches() && authentication instanceof JwtAuthenticationToken jwt && !isSuperAdmin(jwt)) {
            Optional<String> role = groupRole(jwt, path.group(1));
            if (role.isEmpty()) {
                problems.write(response, ErrorCode.GROUP_NOT_FOUND, "No group with id " + path.group(1) + ".");
                return;
            }
            List<GrantedAuthority> authorities = new ArrayList<>(jwt.getAuthorities());
            authorities.add(new SimpleGrantedAuthority("ROLE_GROUP_" + role.get()));
            SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.getToken(), authorities, jwt.getName()));
        }
        chain.doFilter(request, response);
    }

    private Optional<String> groupRole(JwtAuthenticationToken jwt, String groupId) {
        UUID group;
        UUID account;
        try {
            group = UUID.fromString(groupId);
            account = UUID.fromString(jwt.getName());
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return accounts.findById(account)
                .filter(Account::isEnabled)
                .filter(a -> group.equals(a.groupId()))
                .map(Account::groupRole);
    }

    private static boolean isSuperAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.SUPER_ADMIN).equals(a.getAuthority()));
    }
}
