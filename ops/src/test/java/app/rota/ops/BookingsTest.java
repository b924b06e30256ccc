package app.rota.ops;

import app.rota.command.slot.Bookings;
import app.rota.command.slot.Bookings.Holding;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bookings on the real tables: a trade of two overlapping slots is one move (two separate assignments
 * would collide), and it is refused only if a member holds a third slot in the way.
 */
class BookingsTest extends RotaIntegrationTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate DAY = LocalDate.of(2038, 10, 12);

    @Autowired
    private Bookings bookings;
    @Autowired
    private TransactionTemplate transactions;

    private ScheduleFixtures fixtures;
    private String group;
    private String early;
    private String late;
    private String ana;
    private String ben;

    @BeforeEach
    void twoMembersHoldingOverlappingSlots() {
        String admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        early = fixtures.shiftType(group, "Early", "08:00", 12);
        late = fixtures.shiftType(group, "Late", "10:00", 12);
        ana = fixtures.member(group, "Ana");
        ben = fixtures.member(group, "Ben");
        assertThat(fixtures.assign(group, early, DAY.toString(), ana).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, late, DAY.toString(), ben).status()).isEqualTo(200);
    }

    @Test
    void twoMembersCanTradeOverlappingSlotsThatNeitherCouldTakeAlone() {
        assertThat(fixtures.assign(group, late, DAY.toString(), ana).status()).as("Ana cannot take Late while she holds Early")
                .isEqualTo(409);

        transactions.executeWithoutResult(tx -> bookings.requireExchangeable(holding(ana, early, 8), holding(ben, late, 10)));
    }

    @Test
    void aTradeIsRefusedWhenAMemberHoldsAThirdSlotInTheWay() {
        String dawn = fixtures.shiftType(group, "Dawn", "06:00", 3);
        assertThat(fixtures.assign(group, dawn, DAY.toString(), ben).status()).as("06:00-09:00 is clear of Late").isEqualTo(200);

        RotaException refused = catchThrowableOfType(RotaException.class, () -> transactions.executeWithoutResult(
                tx -> bookings.requireExchangeable(holding(ana, early, 8), holding(ben, late, 10))));

        assertThat(refused.code()).isEqualTo(ErrorCode.MEMBER_DOUBLE_BOOKED);
        assertThat(refused.getMessage()).contains("second member").contains(dawn);
    }

    private Holding holding(String member, String shiftType, int startHour) {
        return new Holding(MemberId.of(member), new SlotKey(ShiftTypeId.of(shiftType), DAY),
                new ShiftTiming(LocalTime.of(startHour, 0), 12).intervalOn(DAY, CHICAGO));
    }
}
