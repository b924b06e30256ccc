package app.rota.query.feed;

import app.rota.kernel.feed.IssueFeedCommand;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * iCalendar feeds: an address a calendar app subscribes to without a login. Issuing one answers 200 with the
 * address and its token (not 201: the feed is the member's or the group's one feed, re-issued, not a new
 * resource); a new one revokes the one before. Who may issue a member's feed (the member themself or an admin) is
 * decided with the actor where the command is handled.
 */
@RestController
@Tag(name = "Feeds")
class FeedController {

    /** The feed's address, and its token (the last part of the address): keep it secret, it is the credential. */
    record FeedLink(String url, String token) {
    }

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    /** Subscribers poll; a short private cache keeps a burst of polls cheap, and no shared cache keeps a token's answer. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final CommandGateway commands;
    private final Feeds feeds;
    private final String publicBaseUrl;

    FeedController(CommandGateway commands, Feeds feeds, @Value("${rota.public-base-url:}") String publicBaseUrl) {
        this.commands = commands;
        this.feeds = feeds;
        this.publicBaseUrl = publicBaseUrl;
    }

    @PostMapping("/api/v1/groups/{groupId}/members/{memberId}/feed")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER', 'GROUP_AUDITOR')")
    FeedLink memberFeed(@PathVariable UUID groupId, @PathVariable UUID memberId) {
        return issue(new GroupId(groupId), new MemberId(memberId));
    }

    @PostMapping("/api/v1/groups/{groupId}/feed")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    FeedLink groupFeed(@PathVariable UUID groupId) {
        return issue(new GroupId(groupId), null);
    }

    /** No login: the token is the credential. Unknown or revoked: 404 {@code FEED_NOT_FOUND}. */
    @GetMapping("/api/v1/feeds/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String host = URI.create(baseUrl()).getHost();
        Feeds.Rendered feed = feeds.render(token, host == null ? "localhost" : host);
        if (feed.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CACHE).eTag(feed.etag()).build();
        }
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CACHE).eTag(feed.etag()).body(feed.body());
    }

    private FeedLink issue(GroupId groupId, MemberId memberId) {
        String token = FeedTokens.newToken();
        commands.sendAndWait(new IssueFeedCommand(groupId, memberId, FeedTokens.hash(token)));
        return new FeedLink(baseUrl() + "/api/v1/feeds/" + token + ".ics", token);
    }

    /** {@code rota.public-base-url} ({@code ROTA_PUBLIC_BASE_URL}), or this request's own when it is not set. */
    private String baseUrl() {
        String base = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicBaseUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
