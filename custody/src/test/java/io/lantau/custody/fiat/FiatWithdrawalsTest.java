package io.lantau.custody.fiat;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.fiat.DesignatedAccountsTest.assertRefused;
import static io.lantau.custody.testbed.CustodyTestBed.HKD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.testbed.CustodyTestBed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** HK-07: fiat leaves only to the client's designated account, as an ISO 20022 pain.001.001.09 instruction. */
class FiatWithdrawalsTest extends EngineTestBase {
    CustodyTestBed bed;
    FiatFixture fiat;
    long chan;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        fiat = new FiatFixture(bed);
        chan = fiat.verifiedClient("chan@example.com", "Chan Tai Man");
        fiat.accounts.designate(chan, "CHAN TAI MAN", "HSBC", "HSBCHKHHHKH", "004-123-456789-001");
        bed.fund(chan, HKD, 500_000L);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldInstructPain001ToTheDesignatedAccountAndLockTheAmount() {
        FiatWithdrawal w = fiat.withdrawals.request(chan, "HKD", "1234.50", "004 123 456789 001");

        assertThat(w.status()).isEqualTo("INSTRUCTED");
        assertThat(bed.core.available(chan, HKD)).isEqualTo(500_000L - 123_450L);
        assertThat(bed.core.locked(chan, HKD)).isEqualTo(123_450L);

        Element root = SecureXml.parse(w.instruction().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(Pain001Writer.NAMESPACE);
        Element init = SecureXml.child(root, "CstmrCdtTrfInitn");
        assertThat(SecureXml.text(init, "GrpHdr", "MsgId")).isEqualTo(w.messageId());
        assertThat(SecureXml.text(init, "GrpHdr", "NbOfTxs")).isEqualTo("1");
        assertThat(SecureXml.text(init, "GrpHdr", "CtrlSum")).isEqualTo("1234.50");
        Element pmt = SecureXml.child(init, "PmtInf");
        assertThat(SecureXml.text(pmt, "PmtMtd")).isEqualTo("TRF");
        assertThat(SecureXml.text(pmt, "DbtrAcct", "Id", "Othr", "Id")).isEqualTo("024123456001");
        assertThat(SecureXml.text(pmt, "DbtrAgt", "FinInstnId", "BICFI")).isEqualTo("HASEHKHHXXX");
        Element tx = SecureXml.child(pmt, "CdtTrfTxInf");
        Element amount = SecureXml.path(tx, "Amt", "InstdAmt");
        assertThat(amount.getAttribute("Ccy")).isEqualTo("HKD");
        assertThat(amount.getTextContent()).isEqualTo("1234.50");
        assertThat(SecureXml.text(tx, "Cdtr", "Nm")).isEqualTo("CHAN TAI MAN");
        assertThat(SecureXml.text(tx, "CdtrAcct", "Id", "Othr", "Id")).isEqualTo("004123456789001");
        assertThat(SecureXml.text(tx, "CdtrAgt", "FinInstnId", "BICFI")).isEqualTo("HSBCHKHHHKH");
        assertThat(SecureXml.text(tx, "PmtId", "EndToEndId")).isEqualTo(w.messageId());
    }

    @Test
    void shouldRefuseAnyOtherAccountWithNoStateChange() {
        assertRefused(() -> fiat.withdrawals.request(chan, "HKD", "100.00", "012-555-000111-222"),
                FiatRefusal.NOT_DESIGNATED_ACCOUNT);
        long lee = fiat.verifiedClient("lee@example.com", "Lee Siu Ming");
        bed.fund(lee, HKD, 10_000L);
        assertRefused(() -> fiat.withdrawals.request(lee, "HKD", "1.00", "004123456789001"),
                FiatRefusal.NO_DESIGNATED_ACCOUNT);

        assertThat(bed.rows("fiat_withdrawals")).isZero();
        assertThat(bed.core.available(chan, HKD)).isEqualTo(500_000L);
        assertThat(bed.core.locked(chan, HKD)).isZero();
    }

    @Test
    void shouldRefuseBadAmountsInsufficientBalanceAndFrozenAssetWithNoStateChange() {
        assertRefused(() -> fiat.withdrawals.request(chan, "HKD", "1.001", "004123456789001"),
                FiatRefusal.INVALID_AMOUNT);
        assertRefused(() -> fiat.withdrawals.request(chan, "HKD", "0", "004123456789001"),
                FiatRefusal.INVALID_AMOUNT);
        assertRefused(() -> fiat.withdrawals.request(chan, "EUR", "1", "004123456789001"),
                FiatRefusal.UNSUPPORTED_CURRENCY);
        assertRefused(() -> fiat.withdrawals.request(chan, "HKD", "5000.01", "004123456789001"),
                FiatRefusal.INSUFFICIENT_BALANCE);
        fiat.frozen = asset -> asset == HKD;
        assertRefused(() -> fiat.withdrawals.request(chan, "HKD", "1.00", "004123456789001"),
                FiatRefusal.WITHDRAWALS_FROZEN);

        assertThat(bed.rows("fiat_withdrawals")).isZero();
        assertThat(bed.core.available(chan, HKD)).isEqualTo(500_000L);
    }

    @Test
    void shouldSettleOrRevertOnceAndKeepCustodyEqualToCore() {
        byte[] statement = Statements.camt053v08(FiatFixture.PLATFORM.accountNumber(), FiatFixture.entry("D-1",
                "300.00", "CHAN TAI MAN", "004123456789001", DepositReference.of(chan)));
        fiat.deposits.importPayments(fiat.camt.read(statement));
        FiatCustodyBalances custody = new FiatCustodyBalances(fiat.deposits, fiat.withdrawals,
                io.lantau.core.config.StandardMarkets.config().assets());
        FiatWithdrawal paid = fiat.withdrawals.request(chan, "HKD", "100.00", "004123456789001");
        FiatWithdrawal returned = fiat.withdrawals.request(chan, "HKD", "50.00", "004123456789001");

        fiat.withdrawals.settle(paid.id());
        fiat.withdrawals.revert(returned.id());

        assertRefused(() -> fiat.withdrawals.settle(paid.id()), FiatRefusal.WITHDRAWAL_NOT_PENDING);
        assertRefused(() -> fiat.withdrawals.settle(9_999), FiatRefusal.WITHDRAWAL_NOT_FOUND);
        assertThat(bed.core.available(chan, HKD)).isEqualTo(500_000L + 30_000L - 10_000L);
        assertThat(bed.core.locked(chan, HKD)).isZero();
        // The test bed's direct funding (500,000) is not a bank payment; the bank side is 300.00 - 100.00.
        assertThat(custody.clientAssetsMinor(HKD)).isEqualTo(20_000L);
        assertThat(bed.liabilities.liabilitiesMinor(HKD)).isEqualTo(500_000L + 20_000L);
    }
}
