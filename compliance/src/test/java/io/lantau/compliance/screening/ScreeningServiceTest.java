package io.lantau.compliance.screening;

import io.lantau.store.EngineTestBase;
import io.lantau.store.dispatch.DirectCommandSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.config.StandardMarkets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HK-24: screening at onboarding and on every list load; a hit opens a case and freezes the account in a real core
 * (its orders are refused with ACCOUNT_NOT_ACTIVE); an officer clears or confirms the case.
 */
class ScreeningServiceTest extends EngineTestBase {
    private static final int BTC_HKD = 0;
    private static final Instant NOW = Instant.parse("2026-11-02T03:04:05Z");

    private DirectCommandSubmitter core;
    private ScreeningService service;
    private long depositIds;

    @BeforeEach
    void setUp() {
        core = new DirectCommandSubmitter();
        service = newService();
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private ScreeningService newService() {
        return new ScreeningService(database.dataSource(), core, new ScreeningSettings(0.92),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldFreezeAccountWhenOnboardingNameHitsList() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1001);
        assertThat(placeBuy(account)).isEqualTo(ResultCode.OK);

        ScreeningOutcome outcome = service.screen(account, "Jose Maria Gomez Penaloza", List.of());

        assertThat(outcome.frozen()).isTrue();
        assertThat(outcome.hits()).extracting(h -> h.entry().dataId()).containsExactly("9000002");
        assertThat(outcome.openedCases()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(c.trigger()).isEqualTo(ScreeningTrigger.ONBOARDING);
            assertThat(c.referenceNumber()).isEqualTo("CDi.902");
            assertThat(c.openedAt()).isEqualTo(NOW);
        });
        assertThat(core.submitted()).containsExactly(new SetAccountStatus(account, AccountStatus.RESTRICTED));
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
        assertThat(placeBuy(account)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);
        assertThat(service.isFrozen(account)).isTrue();
    }

    @Test
    void shouldLeaveAccountActiveWhenNameIsClean() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1002);

        ScreeningOutcome outcome = service.screen(account, "Chan Tai Man", List.of("陳大文"));

        assertThat(outcome.hits()).isEmpty();
        assertThat(outcome.frozen()).isFalse();
        assertThat(outcome.screenedAgainst()).extracting(SanctionsListInfo::version)
                .containsExactly("2026-10-01T09:00:03.412Z");
        assertThat(core.submitted()).isEmpty();
        assertThat(placeBuy(account)).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldRescreenExistingClientsAndOpenCasesWhenListIsReloaded() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long lau = openFundedAccount(1003);
        long chan = openFundedAccount(1004);
        assertThat(service.screen(lau, "Lau Wing Kei", List.of()).hits()).isEmpty();
        assertThat(service.screen(chan, "Chan Tai Man", List.of()).hits()).isEmpty();

        ListLoadOutcome reload = service.loadList(resource("un-consolidated-list-v2.xml"), "nightly-job");

        assertThat(reload.list().version()).isEqualTo("2026-11-01T09:00:02.118Z");
        assertThat(reload.clientsScreened()).isEqualTo(2);
        assertThat(reload.openedCases()).singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo(lau);
            assertThat(c.dataId()).isEqualTo("9000006");
            assertThat(c.trigger()).isEqualTo(ScreeningTrigger.LIST_RELOAD);
            assertThat(c.listId()).isEqualTo(reload.list().listId());
        });
        assertThat(core.core().accountStatus(lau)).isEqualTo(AccountStatus.RESTRICTED);
        assertThat(placeBuy(lau)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);
        assertThat(core.core().accountStatus(chan)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(service.listsInForce()).extracting(SanctionsListInfo::listId)
                .containsExactly(reload.list().listId());
        assertThat(service.listHistory()).hasSize(2);
    }

    @Test
    void shouldScreenClientsKeptBeforeAnyListWhenFirstListIsLoaded() {
        long account = openFundedAccount(1005);
        ScreeningOutcome before = service.screen(account, "Marguerite Okonkwo-Bellamy", List.of());
        assertThat(before.screenedAgainst()).isEmpty();
        assertThat(before.frozen()).isFalse();

        ListLoadOutcome load = service.loadList(resource("un-consolidated-list.xml"), "ops");

        assertThat(load.openedCases()).extracting(ScreeningCase::accountId).containsExactly(account);
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
    }

    @Test
    void shouldRestoreActiveWhenOfficerClearsFalsePositive() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1006);
        ScreeningCase opened = service.screen(account, "Hasan Ibrahim Farah", List.of()).openedCases().get(0);

        ScreeningCase cleared = service.clearCase(opened.caseId(), "officer-7", "Different date of birth and "
                + "nationality on the passport.");

        assertThat(cleared.status()).isEqualTo(CaseStatus.CLEARED);
        assertThat(cleared.decidedBy()).isEqualTo("officer-7");
        assertThat(cleared.decidedAt()).isEqualTo(NOW);
        assertThat(cleared.decisionReason()).startsWith("Different date of birth");
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(placeBuy(account)).isEqualTo(ResultCode.OK);
        assertThat(service.isFrozen(account)).isFalse();
        assertThat(service.openCases()).isEmpty();
    }

    @Test
    void shouldNotReopenClearedFalsePositiveWhenListIsReloaded() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1007);
        ScreeningCase opened = service.screen(account, "Hasan Ibrahim Farah", List.of()).openedCases().get(0);
        service.clearCase(opened.caseId(), "officer-7", "Not the listed person.");

        ListLoadOutcome reload = service.loadList(resource("un-consolidated-list-v2.xml"), "ops");

        assertThat(reload.openedCases()).isEmpty();
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void shouldKeepAccountFrozenWhenOfficerConfirmsMatch() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1008);
        ScreeningCase opened = service.screen(account, "Viktor Dragunov Anatolyevich", List.of()).openedCases()
                .get(0);

        ScreeningCase confirmed = service.confirmCase(opened.caseId(), "officer-2", "Passport number matches.");

        assertThat(confirmed.status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
        assertThatThrownBy(() -> service.clearCase(opened.caseId(), "officer-3", "changed my mind"))
                .isInstanceOfSatisfying(ScreeningException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ScreeningRefusal.CASE_NOT_OPEN));
        assertThat(service.findCase(opened.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
    }

    @Test
    void shouldKeepAccountFrozenWhenOnlyOneOfTwoCasesIsCleared() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1009);
        List<ScreeningCase> opened = service.screen(account, "Kim Song Chol", List.of("Maggie Bellamy"))
                .openedCases();
        assertThat(opened).hasSize(2);

        service.clearCase(opened.get(0).caseId(), "officer-1", "Not this one.");

        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
        service.clearCase(opened.get(1).caseId(), "officer-1", "Nor this one.");
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void shouldNotOpenSecondCaseWhenSameEntryIsAlreadyUnderReview() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1010);
        service.screen(account, "Kim Song Chol", List.of());

        ScreeningOutcome again = service.screen(account, "Kim Song-Chol", List.of());

        assertThat(again.openedCases()).isEmpty();
        assertThat(again.frozen()).isTrue();
        assertThat(service.casesOf(account)).hasSize(1);
        assertThat(service.loadList(resource("un-consolidated-list.xml"), "ops").openedCases()).isEmpty();
    }

    @Test
    void shouldSendFreezeAgainWhenFirstSubmitFoundQueueFull() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1011);
        core.queueFull(true);
        assertThat(service.screen(account, "Maggie Bellamy", List.of()).frozen()).isTrue();
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.ACTIVE);

        core.queueFull(false);
        assertThat(service.reassertFreezes()).isEqualTo(1);

        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
    }

    @Test
    void shouldRestoreListsInForceWhenServiceIsRebuilt() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");

        ScreeningService restarted = newService();
        long account = openFundedAccount(1012);

        assertThat(restarted.listsInForce()).hasSize(1);
        assertThat(restarted.screen(account, "Song Chol Kim", List.of()).frozen()).isTrue();
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
    }

    @Test
    void shouldRefuseAndStoreNothingWhenListFileIsBad() {
        Path bad = tempDir.resolve("bad.xml");
        writeString(bad, "<CONSOLIDATED_LIST><INDIVIDUALS></INDIVIDUALS></CONSOLIDATED_LIST>");

        assertThatThrownBy(() -> service.loadList(bad, "ops"))
                .isInstanceOfSatisfying(ScreeningException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ScreeningRefusal.LIST_EMPTY));

        assertThat(service.listHistory()).isEmpty();
        assertThat(service.listsInForce()).isEmpty();
    }

    @Test
    void shouldRefuseInvalidRequestsAndChangeNothing() {
        service.loadList(resource("un-consolidated-list.xml"), "ops");
        long account = openFundedAccount(1013);
        ScreeningCase opened = service.screen(account, "Maggie Bellamy", List.of()).openedCases().get(0);

        assertRefused(() -> service.screen(0, "Maggie Bellamy", List.of()), ScreeningRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.screen(account, " ", List.of()), ScreeningRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.screen(account, "A", List.of("two\nlines")), ScreeningRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.clearCase(opened.caseId(), "officer-1", " "), ScreeningRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.clearCase(opened.caseId(), null, "why"), ScreeningRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.clearCase(999_999, "officer-1", "why"), ScreeningRefusal.UNKNOWN_CASE);

        assertThat(service.casesOf(account)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CaseStatus.OPEN));
        assertThat(core.core().accountStatus(account)).isEqualTo(AccountStatus.RESTRICTED);
    }

    private static void assertRefused(Runnable call, ScreeningRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScreeningException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    private long openFundedAccount(long accountId) {
        assertThat(core.apply(new OpenAccount(accountId, AccountKind.CLIENT, 0))).isEqualTo(ResultCode.OK);
        assertThat(core.apply(new Deposit(++depositIds + accountId * 100, accountId, StandardMarkets.HKD.assetId(),
                100_000_000L))).isEqualTo(ResultCode.OK);
        return accountId;
    }

    private ResultCode placeBuy(long accountId) {
        return core.apply(PlaceOrder.limit(accountId, BTC_HKD, Side.BUY, 50_000, 1));
    }

    private static Path resource(String name) {
        try {
            return Path.of(ScreeningServiceTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeString(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
