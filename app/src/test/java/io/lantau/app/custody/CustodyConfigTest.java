package io.lantau.app.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.app.platform.CustodyConfig;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custody's deployment settings: where they are read from, and that the operators' secrets never show. */
class CustodyConfigTest {
    static final String SECRET_A = "operator-a-secret-0123456789";
    static final String SECRET_B = "operator-b-secret-9876543210";

    @Test
    void shouldHaveNoNodeAndTheDemoBankAccountByDefault() {
        CustodyConfig custody = PlatformConfigLoader.load(null, Map.of()).custody();

        assertThat(custody.ethRpcUrl()).isNull();
        assertThat(custody.bankAccount()).isEqualTo(CustodyConfig.DEMO_BANK_ACCOUNT);
    }

    @Test
    void shouldReadTheNodeFromTheFileAndTheOperatorsFromTheEnvironmentOnlyAndNeverPrintThem(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("lantau.properties");
        Files.writeString(file, "eth.rpc.url=http://node:8545\neth.start.height=1200\n"
                + "eth.account.xpub=[00000000/44'/60'/0']xpubX\nbank.holder=Lantau Client Account\n"
                + "bank.name=Bank\nbank.bic=BANKHKHH\nbank.account=012-345678-001\n"
                + "hot.key.operator.a=from-a-file-is-ignored\n");

        PlatformConfig config = PlatformConfigLoader.load(file, Map.of("LANTAU_HOT_KEY_OPERATOR_A", SECRET_A,
                "LANTAU_HOT_KEY_OPERATOR_B", SECRET_B, "LANTAU_ETH_START_HEIGHT", "1300"));

        CustodyConfig custody = config.custody();
        assertThat(custody.ethRpcUrl()).isEqualTo("http://node:8545");
        assertThat(custody.ethStartHeight()).isEqualTo(1300);
        assertThat(custody.ethAccountXpub()).isEqualTo("[00000000/44'/60'/0']xpubX");
        assertThat(custody.hotKeyOperatorA()).isEqualTo(SECRET_A);
        assertThat(custody.hotKeyOperatorB()).isEqualTo(SECRET_B);
        assertThat(custody.bankAccount().holderName()).isEqualTo("Lantau Client Account");
        assertThat(config.toString()).doesNotContain(SECRET_A).doesNotContain(SECRET_B);
        assertThat(config.withPort(9).withProfile("OPEN").custody()).isEqualTo(custody);
    }

    @Test
    void shouldRefuseAStartHeightThatIsNotANumber() {
        assertThatThrownBy(() -> PlatformConfigLoader.load(null, Map.of("LANTAU_ETH_START_HEIGHT", "tip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eth.start.height");
    }
}
