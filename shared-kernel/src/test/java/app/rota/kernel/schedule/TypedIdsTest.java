package app.rota.kernel.schedule;

import app.rota.kernel.common.TypedId;
import app.rota.kernel.member.MemberId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdsTest {

    private static final String UUID_TEXT = "0d6f4b7a-9c13-4c9a-8e21-5f0c2a1e7b3d";

    @Test
    void aShiftTypeIdIsItsUuidAsAString() {
        ShiftTypeId id = ShiftTypeId.of(UUID_TEXT);

        assertThat(id).isInstanceOf(TypedId.class).hasToString(UUID_TEXT);
        assertThat(id.value()).isEqualTo(UUID.fromString(UUID_TEXT));
    }

    @Test
    void aMemberIdIsItsUuidAsAString() {
        MemberId id = MemberId.of(UUID_TEXT);

        assertThat(id).isInstanceOf(TypedId.class).hasToString(UUID_TEXT);
        assertThat(id.value()).isEqualTo(UUID.fromString(UUID_TEXT));
    }

    @Test
    void idsRequireAUuid() {
        assertThatThrownBy(() -> new ShiftTypeId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MemberId(null)).isInstanceOf(NullPointerException.class);
    }
}
