package app.rota.ops.security;

import app.rota.kernel.common.Roles;
import app.rota.kernel.error.ErrorCode;
import app.rota.ops.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenancy at the door: a request under {@code /api/v1/groups/{g}} from a user who does not belong to
 * group g answers 404, exactly as for a group that does not exist, so nothing leaks. A super admin
 * belongs to every group. (Group memberships, which will grant the {@code GROUP_*} roles for the
 * requested group, come with members.)
 */
class GroupTenancyFilter extends OncePerRequestFilter {

    private static final Pattern GROUP_PATH = Pattern.compile("^/api/v1/groups/([^/]+)(/.*)?$");

    private final Problems problems;

    GroupTenancyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = GROUP_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (path.matches() && authentication != null && authentication.isAuthenticated() && !isSuperAdmin(authentication)) {
            problems.write(response, ErrorCode.GROUP_NOT_FOUND, "No group with id " + path.group(1) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isSuperAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.SUPER_ADMIN).equals(a.getAuthority()));
    }
}
