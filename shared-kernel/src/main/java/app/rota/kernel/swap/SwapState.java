package app.rota.kernel.swap;

/** What a swap command answers: the swap's status after it, and its version (the number of its events). */
public record SwapState(SwapId id, SwapStatus status, long version) {
}
