package io.lantau.collectibles.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lantau.testsupport.AnvilNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed ABI and bytecode are what the committed source compiles to (solc 0.8.37, OpenZeppelin 5.7.0). */
class Erc721ArtifactTest {

    @Test
    void shouldMatchAFreshCompilationOfTheSource() throws Exception {
        Path script = Paths.get("src/main/solidity/compile.js").toAbsolutePath();
        Process node = new ProcessBuilder("node", script.toString(), AnvilNode.nodeModules().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode fresh = json.readTree(new String(out, StandardCharsets.UTF_8));
        JsonNode committed = json.readTree(Files.readString(
                Paths.get("src/main/resources/io/lantau/collectibles/chain/LantauCollectibles.json")));
        assertThat(fresh.get("bytecode").asText()).isEqualTo(committed.get("bytecode").asText())
                .isEqualTo(Erc721Contract.bytecode());
        assertThat(fresh.get("abi")).isEqualTo(committed.get("abi"));
    }
}
