package io.lantau.custody.fiat;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.testbed.CustodyTestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-07: one designated bank account per client, in the client's own KYC name. */
class DesignatedAccountsTest extends EngineTestBase {
    CustodyTestBed bed;
    FiatFixture fiat;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        fiat = new FiatFixture(bed);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldAcceptHolderNameThatMatchesKycNameNormalised() {
        long id = fiat.verifiedClient("c@example.com", "Chan Tai-Man");

        DesignatedAccount a = fiat.accounts.designate(id, "MR CHAN, TAI MAN", "HSBC", null, "004 123 456789 001");

        assertThat(a.accountNumber()).isEqualTo("004123456789001");
        assertThat(fiat.accounts.find(id)).contains(a);
        assertThat(bed.audit.lastSequence()).isPositive();
    }

    @Test
    void shouldRefuseAnotherPersonsNameWithoutStoringAnything() {
        long id = fiat.verifiedClient("c@example.com", "Chan Tai Man");

        assertRefused(() -> fiat.accounts.designate(id, "LEE SIU MING", "HSBC", null, "004123456789001"),
                FiatRefusal.HOLDER_NAME_MISMATCH);
        assertRefused(() -> fiat.accounts.designate(id, "CHAN TAI", "HSBC", null, "004123456789001"),
                FiatRefusal.HOLDER_NAME_MISMATCH);
        assertThat(bed.rows("fiat_bank_accounts")).isZero();
    }

    @Test
    void shouldRefuseWithoutKycOrWithBadNumbers() {
        long unverified = bed.client("u@example.com");
        long id = fiat.verifiedClient("c@example.com", "Chan Tai Man");

        assertRefused(() -> fiat.accounts.designate(unverified, "X", "HSBC", null, "004123456789001"),
                FiatRefusal.KYC_NOT_VERIFIED);
        assertRefused(() -> fiat.accounts.designate(id, "Chan Tai Man", "HSBC", null, "12"),
                FiatRefusal.INVALID_ACCOUNT_NUMBER);
        assertRefused(() -> fiat.accounts.designate(id, "Chan Tai Man", "HSBC", null, "GB82WEST12345698765431"),
                FiatRefusal.INVALID_ACCOUNT_NUMBER);
        assertRefused(() -> fiat.accounts.designate(id, "Chan Tai Man", "HSBC", "bad", "004123456789001"),
                FiatRefusal.INVALID_BANK_DETAILS);
        assertThat(bed.rows("fiat_bank_accounts")).isZero();
        assertThat(fiat.accounts.designate(id, "Chan Tai Man", "Barclays", "BARCGB22", "GB82 WEST 1234 5698 7654 32")
                .accountNumber()).isEqualTo("GB82WEST12345698765432");
    }

    @Test
    void shouldRefuseSecondDesignationAndAnAccountOfAnotherClient() {
        long chan = fiat.verifiedClient("c@example.com", "Chan Tai Man");
        long lee = fiat.verifiedClient("l@example.com", "Lee Siu Ming");
        fiat.accounts.designate(chan, "Chan Tai Man", "HSBC", null, "004123456789001");

        assertRefused(() -> fiat.accounts.designate(chan, "Chan Tai Man", "HSBC", null, "004123456789002"),
                FiatRefusal.BANK_ACCOUNT_ALREADY_DESIGNATED);
        assertRefused(() -> fiat.accounts.designate(lee, "Lee Siu Ming", "HSBC", null, "004-123-456789-001"),
                FiatRefusal.BANK_ACCOUNT_IN_USE);
        assertThat(bed.rows("fiat_bank_accounts")).isEqualTo(1);
    }

    static void assertRefused(Runnable call, FiatRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FiatException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
