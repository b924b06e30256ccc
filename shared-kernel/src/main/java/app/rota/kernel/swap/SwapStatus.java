package app.rota.kernel.swap;

/**
 * PROPOSED, then ACCEPTED only while an admin's approval is pending, then COMPLETED; or it ends
 * DECLINED, CANCELLED, REJECTED, EXPIRED or FAILED.
 */
public enum SwapStatus {
    PROPOSED, ACCEPTED, COMPLETED, DECLINED, CANCELLED, REJECTED, EXPIRED, FAILED;

    /** Still open: its slots are held for it and nothing else may claim them. */
    public boolean isPending() {
        return this == PROPOSED || this == ACCEPTED;
    }
}
