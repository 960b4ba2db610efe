package io.lantau.custody.hotcold;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.security.SecurityRefusal;
import io.lantau.compliance.security.SecurityRefusedException;
import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.testbed.CustodyTestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-17: moving client assets out of cold storage needs two approvals by two people of two different roles. */
class ColdToHotTopUpsTest extends EngineTestBase {
    CustodyTestBed bed;
    TierBalances tiers;
    ColdToHotTopUps topUps;
    long maker;
    long custody;
    long custody2;
    long compliance;
    long both;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        tiers = new TierBalances(bed.dataSource());
        topUps = new ColdToHotTopUps(bed.dataSource(), bed.approvals, bed.staff, tiers,
                HotColdPolicyProperties.HK, bed.clock);
        maker = bed.staffMember("maker@lantau.test", StaffRole.CUSTODY_OFFICER);
        custody = bed.staffMember("custody@lantau.test", StaffRole.CUSTODY_OFFICER);
        custody2 = bed.staffMember("custody2@lantau.test", StaffRole.CUSTODY_OFFICER);
        compliance = bed.staffMember("compliance@lantau.test", StaffRole.COMPLIANCE_OFFICER);
        both = bed.staffMember("both@lantau.test", StaffRole.CUSTODY_OFFICER, StaffRole.COMPLIANCE_OFFICER);
        tiers.credit(BTC, WalletTier.COLD, 9_900);
        tiers.credit(BTC, WalletTier.HOT, 100);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldRefuseTheSamePersonApprovingTwiceEvenWithBothRoles() {
        TopUp topUp = topUps.request(BTC, 100, maker);
        topUps.approve(topUp.id(), both);

        assertRefused(() -> topUps.approve(topUp.id(), both), HotColdRefusal.SAME_APPROVER_TWICE);
        assertThat(topUps.find(topUp.id()).orElseThrow().status()).isEqualTo("FIRST_APPROVED");
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(100);
        assertThat(tiers.balance(BTC, WalletTier.COLD)).isEqualTo(9_900);
    }

    @Test
    void shouldRefuseTwoApprovalsInTheSameRole() {
        TopUp topUp = topUps.request(BTC, 100, maker);
        topUps.approve(topUp.id(), custody);

        assertRefused(() -> topUps.approve(topUp.id(), custody2), HotColdRefusal.SAME_ROLE_TWICE);
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(100);
    }

    @Test
    void shouldMoveColdToHotAfterApprovalsFromTwoDistinctRoles() {
        TopUp topUp = topUps.request(BTC, 100, maker);

        TopUp first = topUps.approve(topUp.id(), custody);
        assertThat(first.status()).isEqualTo("FIRST_APPROVED");
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(100);
        TopUp done = topUps.approve(topUp.id(), compliance);

        assertThat(done.status()).isEqualTo("EXECUTED");
        assertThat(done.firstRole()).isEqualTo("CUSTODY_OFFICER");
        assertThat(done.secondRole()).isEqualTo("COMPLIANCE_OFFICER");
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(200);
        assertThat(tiers.balance(BTC, WalletTier.COLD)).isEqualTo(9_800);
        assertRefused(() -> topUps.approve(topUp.id(), both), HotColdRefusal.TOPUP_ALREADY_EXECUTED);
        assertThat(bed.approvals.rules()).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(ColdToHotTopUps.ACTION);
            assertThat(r.approverRoles()).containsExactlyInAnyOrder(StaffRole.CUSTODY_OFFICER,
                    StaffRole.COMPLIANCE_OFFICER);
        });
    }

    @Test
    void shouldRefuseTheRequesterAndStaffWithoutAnApproverRole() {
        long auditor = bed.staffMember("auditor@lantau.test", StaffRole.AUDITOR);
        TopUp topUp = topUps.request(BTC, 100, maker);

        assertThatThrownBy(() -> topUps.approve(topUp.id(), maker)).isInstanceOfSatisfying(
                SecurityRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(SecurityRefusal.SELF_APPROVAL_FORBIDDEN));
        assertRefused(() -> topUps.approve(topUp.id(), auditor), HotColdRefusal.ROLE_REQUIRED);
        assertRefused(() -> topUps.request(BTC, 100, compliance), HotColdRefusal.ROLE_REQUIRED);
        assertThat(topUps.find(topUp.id()).orElseThrow().status()).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseTopUpsAboveTheHotCapOrBeyondCold() {
        assertRefused(() -> topUps.request(BTC, 101, maker), HotColdRefusal.TOPUP_ABOVE_HOT_CAP);
        assertRefused(() -> topUps.request(BTC, 0, maker), HotColdRefusal.INVALID_AMOUNT);
        assertRefused(() -> topUps.request(BTC, 10_000, maker), HotColdRefusal.INSUFFICIENT_TIER_BALANCE);
        assertRefused(() -> topUps.approve(999, custody), HotColdRefusal.TOPUP_NOT_FOUND);
        assertThat(bed.rows("cold_to_hot_topups")).isZero();
        assertThat(bed.rows("approvals")).isZero();
    }

    static void assertRefused(Runnable call, HotColdRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HotColdException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
