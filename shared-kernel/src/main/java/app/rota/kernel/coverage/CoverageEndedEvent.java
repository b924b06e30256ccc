package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;

/** Every event that ends a coverage request: its slot is free again and its deadlines are moot. */
public interface CoverageEndedEvent {

    CoverageRequestId requestId();

    GroupId groupId();

    /** How it ended: COVERED, CANCELLED or UNFILLED. */
    CoverageStatus outcome();
}
