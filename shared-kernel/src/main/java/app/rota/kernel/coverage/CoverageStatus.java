package app.rota.kernel.coverage;

/**
 * OPEN, then CLAIMED only while an admin's approval is pending, then COVERED; or it ends CANCELLED,
 * or UNFILLED when the shift starts while it is still open. A rejected claim returns it to OPEN.
 */
public enum CoverageStatus {
    OPEN, CLAIMED, COVERED, CANCELLED, UNFILLED;

    /** Still open: its slot is held for it and nothing else may claim the slot. */
    public boolean isPending() {
        return this == OPEN || this == CLAIMED;
    }
}
