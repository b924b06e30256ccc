package app.rota.ops.security;

import app.rota.kernel.error.ErrorCode;
import app.rota.ops.web.RetryLaterException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Slows down password guessing without slowing anyone else.
 * <ul>
 *   <li>Failed logins are counted per username and per client address (token buckets, Bucket4j):
 *   {@value #FAILURES_PER_USERNAME} per username and {@value #FAILURES_PER_ADDRESS} per address, each
 *   refilled one by one over {@value #REFILL_MINUTES} minutes. An empty bucket answers 429
 *   {@code TOO_MANY_ATTEMPTS} with {@code Retry-After}, before any password is hashed.</li>
 *   <li>Password hashing (bcrypt, deliberately slow) runs at most {@value #CONCURRENT_HASHES} at a time;
 *   a login that cannot get a turn within a second answers 429 too. A login flood therefore takes one
 *   core at most, and reads keep theirs.</li>
 * </ul>
 * Buckets live in memory, bounded (Caffeine), per node.
 */
@Component
class LoginThrottle {

    static final int FAILURES_PER_USERNAME = 10;
    static final int FAILURES_PER_ADDRESS = 50;
    static final int REFILL_MINUTES = 10;
    static final int CONCURRENT_HASHES = 1;
    private static final int MAX_KEYS = 100_000;

    private final Cache<String, Bucket> usernames = buckets();
    private final Cache<String, Bucket> addresses = buckets();
    private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);

    /** Refuses when either the username or the address has no attempts left. */
    void checkAllowed(String username, String address) {
        long waitNanos = Math.max(
                waitFor(usernames, key(username), FAILURES_PER_USERNAME),
                waitFor(addresses, address, FAILURES_PER_ADDRESS));
        if (waitNanos > 0) {
            throw tooMany(Duration.ofNanos(waitNanos));
        }
    }

    void failed(String username, String address) {
        usernames.get(key(username), k -> bucket(FAILURES_PER_USERNAME)).tryConsume(1);
        addresses.get(address, k -> bucket(FAILURES_PER_ADDRESS)).tryConsume(1);
    }

    /** Runs a password check when a hashing turn is free within a second. */
    <T> T hashing(Supplier<T> check) {
        boolean acquired;
        try {
            acquired = hashing.tryAcquire(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw tooMany(Duration.ofSeconds(1));
        }
        try {
            return check.get();
        } finally {
            hashing.release();
        }
    }

    private static long waitFor(Cache<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
    }

    private static Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(capacity, Duration.ofMinutes(REFILL_MINUTES)).build())
                .build();
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(2L * REFILL_MINUTES)).build();
    }

    private static String key(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private static RetryLaterException tooMany(Duration retryAfter) {
        return new RetryLaterException(ErrorCode.TOO_MANY_ATTEMPTS,
                "Too many login attempts; try again in a moment.", retryAfter);
    }
}
