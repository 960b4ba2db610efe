package io.lantau.custody.fiat;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.fiat.FiatFixture.PLATFORM;
import static io.lantau.custody.fiat.FiatFixture.entry;
import static io.lantau.custody.testbed.CustodyTestBed.HKD;
import static io.lantau.custody.testbed.CustodyTestBed.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.custody.testbed.CustodyTestBed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-07: fiat deposits are credited only from the client's designated own-name account, and only once. */
class FiatDepositsTest extends EngineTestBase {
    CustodyTestBed bed;
    FiatFixture fiat;
    long chan;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        fiat = new FiatFixture(bed);
        chan = fiat.verifiedClient("chan@example.com", "Chan Tai Man");
        fiat.accounts.designate(chan, "CHAN TAI MAN", "HSBC", "HSBCHKHHHKH", "004-123-456789-001");
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldCreditDepositFromDesignatedAccountExactlyOnceWhenStatementImportedTwice() {
        byte[] statement = Statements.camt053v08(PLATFORM.accountNumber(), entry("BNK-0001", "12500.50",
                "CHAN TAI MAN", "004123456789001", "Deposit " + DepositReference.of(chan)));

        FiatDeposits.ImportReport first = fiat.deposits.importPayments(fiat.camt.read(statement));
        FiatDeposits.ImportReport second = fiat.deposits.importPayments(fiat.camt.read(statement));

        assertThat(first.credited()).isEqualTo(1);
        assertThat(second.credited()).isZero();
        assertThat(second.alreadyImported()).isEqualTo(1);
        assertThat(bed.core.available(chan, HKD)).isEqualTo(1_250_050L);
        assertThat(bed.liabilities.liabilitiesMinor(HKD)).isEqualTo(1_250_050L);
        assertThat(first.payments().get(0).depositId())
                .isEqualTo(FiatDeposits.depositId(PLATFORM.accountNumber() + "/BNK-0001"));
    }

    @Test
    void shouldCompleteAPaymentLeftCreditingWhenTheCoreDidNotAnswerAndStillCreditOnce() {
        CoreCommands silent = new CoreCommands((command, listener) -> false, Duration.ofMillis(50));
        FiatDeposits unanswered = new FiatDeposits(bed.dataSource(), fiat.accounts, fiat.currencies, silent, PLATFORM,
                bed.clock);
        byte[] statement = Statements.camt053v08(PLATFORM.accountNumber(), entry("BNK-0009", "42.00",
                "CHAN TAI MAN", "004123456789001", DepositReference.of(chan)));

        FiatDeposits.ImportReport lost = unanswered.importPayments(fiat.camt.read(statement));
        assertThat(lost.pending()).isEqualTo(1);
        assertThat(bed.core.available(chan, HKD)).isZero();
        FiatDeposits.ImportReport retried = fiat.deposits.importPayments(fiat.camt.read(statement));
        FiatDeposits.ImportReport again = fiat.deposits.importPayments(fiat.camt.read(statement));

        assertThat(retried.credited()).isEqualTo(1);
        assertThat(again.alreadyImported()).isEqualTo(1);
        assertThat(bed.core.available(chan, HKD)).isEqualTo(4_200L);
    }

    @Test
    void shouldCreditDesignatedAccountPaymentWithoutReference() {
        fiat.deposits.importPayments(fiat.camt.read(Statements.camt053v08("024123456001",
                entry("BNK-0002", "100.00", "CHAN TAI MAN", "004 123 456789 001", "salary top-up"))));

        assertThat(bed.core.available(chan, HKD)).isEqualTo(10_000L);
    }

    @Test
    void shouldHoldThirdPartyDepositAndNeverCreditIt() {
        byte[] statement = Statements.camt053v08(PLATFORM.accountNumber(), entry("BNK-0003", "9000.00",
                "LEE SIU MING", "012-555-000111-222", "for " + DepositReference.of(chan)));

        FiatDeposits.ImportReport report = fiat.deposits.importPayments(fiat.camt.read(statement));
        fiat.deposits.importPayments(fiat.camt.read(statement));

        assertThat(report.held()).isEqualTo(1);
        assertThat(bed.core.available(chan, HKD)).isZero();
        assertThat(bed.liabilities.liabilitiesMinor(HKD)).isZero();
        List<FiatPayment> held = fiat.deposits.held();
        assertThat(held).singleElement().satisfies(p -> {
            assertThat(p.holdReason()).isEqualTo(HoldReason.THIRD_PARTY_DEPOSIT);
            assertThat(p.accountId()).isEqualTo(chan);
            assertThat(p.payment().payerName()).isEqualTo("LEE SIU MING");
            assertThat(p.payment().payerAccount()).isEqualTo("012555000111222");
            assertThat(p.status()).isEqualTo("HELD");
        });
    }

    @Test
    void shouldHoldPaymentsThatIdentifyNoClientOrUseAnotherCurrency() {
        FiatDeposits.ImportReport report = fiat.deposits.importPayments(fiat.camt.read(Statements.camt053v08(
                PLATFORM.accountNumber(),
                entry("BNK-0004", "10.00", "SOMEONE", "999888777666", "hello"),
                new Statements.Entry("BNK-0005", "10.00", "EUR", "CHAN TAI MAN", "004123456789001",
                        DepositReference.of(chan)),
                entry("BNK-0006", "10.00", "CHAN TAI MAN", "004123456789001", "LTU" + chan + "-00"))));

        assertThat(report.held()).isEqualTo(2);
        assertThat(report.credited()).isEqualTo(1); // a wrong check digit names no one: the payer account decides
        assertThat(fiat.deposits.held()).extracting(FiatPayment::holdReason)
                .containsExactly(HoldReason.UNIDENTIFIED_CLIENT, HoldReason.UNSUPPORTED_CURRENCY);
    }

    @Test
    void shouldReadCamt053Version02() {
        fiat.deposits.importPayments(fiat.camt.read(Statements.camt053v02(PLATFORM.accountNumber(),
                new Statements.Entry("OLD-1", "75.25", "USD", "Chan Tai Man", "004123456789001", "x"))));

        assertThat(bed.core.available(chan, USD)).isEqualTo(7_525L);
    }

    @Test
    void shouldReadBankCsvAndSkipDebits() {
        String csv = """
                reference,booking_date,direction,currency,amount,payer_name,payer_account,remittance
                CSV-1,2026-06-01,CREDIT,HKD,1500.00,CHAN TAI MAN,004-123-456789-001,"ref LTU%s, thanks"
                CSV-2,2026-06-01,DEBIT,HKD,20.00,,,bank fee
                CSV-3,2026-06-01,CREDIT,HKD,800.00,LEE SIU MING,012555000111222,%s
                """.formatted(DepositReference.of(chan).substring(3), DepositReference.of(chan));

        List<BankPayment> payments = fiat.csv.read(csv.getBytes(StandardCharsets.UTF_8), PLATFORM.accountNumber());
        FiatDeposits.ImportReport report = fiat.deposits.importPayments(payments);
        fiat.deposits.importPayments(payments);

        assertThat(payments).hasSize(2);
        assertThat(report.credited()).isEqualTo(1);
        assertThat(report.held()).isEqualTo(1);
        assertThat(bed.core.available(chan, HKD)).isEqualTo(150_000L);
    }

    @Test
    void shouldRefuseStatementWithDoctypeWithoutReadingEntities() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"" + Statements.V08 + "\"><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fiat.camt.read(xxe)).isInstanceOfSatisfying(FiatException.class,
                e -> assertThat(e.refusal()).isEqualTo(FiatRefusal.INVALID_STATEMENT));
        for (String notCamt : List.of("<Document/>", "<Document xmlns=\"urn:other\"/>", "not xml", "")) {
            assertThatThrownBy(() -> fiat.camt.read(notCamt.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(FiatException.class,
                            e -> assertThat(e.refusal()).isEqualTo(FiatRefusal.INVALID_STATEMENT));
        }
    }

    @Test
    void shouldRefuseWholeStatementWhenOneEntryIsBadOrItIsAnotherAccounts() {
        byte[] bad = Statements.camt053v08(PLATFORM.accountNumber(),
                entry("OK-1", "10.00", "CHAN TAI MAN", "004123456789001", "x"),
                entry("BAD-1", "10.001", "CHAN TAI MAN", "004123456789001", "x"));
        byte[] other = Statements.camt053v08("999-000000-001",
                entry("OK-2", "10.00", "CHAN TAI MAN", "004123456789001", "x"));

        assertThatThrownBy(() -> fiat.camt.read(bad)).isInstanceOfSatisfying(FiatException.class,
                e -> assertThat(e.refusal()).isEqualTo(FiatRefusal.INVALID_STATEMENT));
        assertThatThrownBy(() -> fiat.deposits.importPayments(fiat.camt.read(other)))
                .isInstanceOfSatisfying(FiatException.class,
                        e -> assertThat(e.refusal()).isEqualTo(FiatRefusal.INVALID_STATEMENT));
        assertThat(bed.rows("fiat_payments")).isZero();
        assertThat(bed.core.available(chan, HKD)).isZero();
    }
}
