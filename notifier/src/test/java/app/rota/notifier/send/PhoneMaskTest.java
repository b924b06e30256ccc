package app.rota.notifier.send;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {

    @Test
    void aNorthAmericanNumberKeepsItsCountryCodeAndLastFourDigits() {
        assertThat(PhoneMask.mask("+13125554567")).isEqualTo("+1******4567");
    }

    @Test
    void aLongerCountryCodeIsKeptWhole() {
        assertThat(PhoneMask.mask("+447700900123")).isEqualTo("+44******0123");
        assertThat(PhoneMask.mask("+353861234567")).isEqualTo("+353*****4567");
    }

    @Test
    void somethingTooShortToBeANumberShowsNothing() {
        assertThat(PhoneMask.mask("+123")).isEqualTo("+***");
        assertThat(PhoneMask.mask(null)).isEqualTo("+***");
    }
}
