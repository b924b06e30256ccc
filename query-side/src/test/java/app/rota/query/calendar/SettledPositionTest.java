package app.rota.query.calendar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettledPositionTest {

    @Test
    void aTokenWithoutGapsIsSettledAtItsPosition() {
        assertThat(CalendarStore.settledPosition("{\"index\":120,\"gaps\":[]}")).isEqualTo(120);
    }

    @Test
    void aGapMayStillBeFilledSoOnlyWhatLiesBelowTheLowestGapIsSettled() {
        assertThat(CalendarStore.settledPosition("{\"index\":120,\"gaps\":[117,110]}")).isEqualTo(109);
    }

    @Test
    void duringAnAxonReplayTheReplaysCurrentPositionCountsAndBeforeItsFirstEventNothingIsSettled() {
        assertThat(CalendarStore.settledPosition(
                "{\"tokenAtReset\":{\"index\":500,\"gaps\":[]},\"currentToken\":{\"index\":42,\"gaps\":[40]},\"context\":null}"))
                .isEqualTo(39);
        assertThat(CalendarStore.settledPosition("{\"tokenAtReset\":{\"index\":500,\"gaps\":[]},\"currentToken\":null}"))
                .isEqualTo(-1);
    }
}
