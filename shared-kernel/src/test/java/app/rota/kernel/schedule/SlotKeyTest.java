package app.rota.kernel.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotKeyTest {

    private static final String UUID_TEXT = "5f0c2a1e-7b3d-4c9a-8e21-0d6f4b7a9c13";
    private static final SlotKey KEY = new SlotKey(ShiftTypeId.of(UUID_TEXT), LocalDate.of(2026, 3, 8));

    @Test
    void itsStringFormIsTheShiftTypeIdSlashTheDate() {
        assertThat(KEY).hasToString(UUID_TEXT + "/2026-03-08");
    }

    @Test
    void parsingItsStringFormGivesTheSameKey() {
        assertThat(SlotKey.parse(KEY.toString())).isEqualTo(KEY);
    }

    @Test
    void aRandomKeySurvivesTheRoundTrip() {
        SlotKey key = new SlotKey(new ShiftTypeId(UUID.randomUUID()), LocalDate.of(2028, 2, 29));

        assertThat(SlotKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void parsingAnUppercaseUuidGivesTheCanonicalKey() {
        assertThat(SlotKey.parse(UUID_TEXT.toUpperCase() + "/2026-03-08")).isEqualTo(KEY);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {
            "",
            "garbage",
            "/",
            UUID_TEXT,
            UUID_TEXT + "/",
            "/2026-03-08",
            UUID_TEXT + "/2026-02-30",
            UUID_TEXT + "/2026-3-8",
            UUID_TEXT + "/08.03.2026",
            UUID_TEXT + "/2026-03-08/extra",
            UUID_TEXT + "//2026-03-08",
            UUID_TEXT + " /2026-03-08",
            " " + UUID_TEXT + "/2026-03-08",
            "not-a-uuid/2026-03-08",
            "1-1-1-1-1/2026-03-08",
            "2026-03-08/" + UUID_TEXT,
    })
    void parsingRejectsAnythingButTheCanonicalForm(String text) {
        assertThatThrownBy(() -> SlotKey.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyRequiresAShiftTypeAndADate() {
        assertThatThrownBy(() -> new SlotKey(null, LocalDate.of(2026, 3, 8))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SlotKey(ShiftTypeId.of(UUID_TEXT), null)).isInstanceOf(NullPointerException.class);
    }
}
