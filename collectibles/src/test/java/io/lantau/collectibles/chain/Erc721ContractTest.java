package io.lantau.collectibles.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.testsupport.AnvilNode;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The committed contract on a real local node (anvil): mint once, owner, token URI, deposit back. */
class Erc721ContractTest {
    /** Anvil's second account of the standard test mnemonic. */
    static final Credentials HOLDER = Credentials.create(
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final Credentials PLATFORM = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY);

    private static AnvilNode node;
    private static Web3j web3j;

    @BeforeAll
    static void startNode() {
        node = AnvilNode.start();
        web3j = Web3j.build(new HttpService(node.rpcUrl()));
    }

    @AfterAll
    static void stopNode() {
        web3j.shutdown();
        node.close();
    }

    @Test
    void shouldMintOnceAndSeeTheTokenComeBack() {
        Erc721Contract contract = Erc721Contract.deploy(web3j, PLATFORM, AnvilNode.CHAIN_ID, "Lantau", "LTC",
                "https://lantau.example/api/v1/collectibles/metadata/");
        BigInteger id = BigInteger.valueOf(42);

        assertThat(contract.ownerOf(id)).isEmpty();
        contract.mint(HOLDER.getAddress(), id);

        assertThat(contract.ownerOf(id)).hasValueSatisfying(o -> assertThat(o).isEqualToIgnoringCase(
                HOLDER.getAddress()));
        assertThat(contract.tokenUri(id)).isEqualTo("https://lantau.example/api/v1/collectibles/metadata/42");
        assertThatThrownBy(() -> contract.mint(HOLDER.getAddress(), id))
                .isInstanceOf(Erc721Contract.ChainException.class);

        Erc721Contract.at(web3j, HOLDER, AnvilNode.CHAIN_ID, contract.address())
                .transferFromSigner(PLATFORM.getAddress(), id);

        assertThat(contract.ownerOf(id)).hasValueSatisfying(o -> assertThat(o).isEqualToIgnoringCase(
                PLATFORM.getAddress()));
        assertThat(contract.returnsSince(BigInteger.ZERO)).singleElement().satisfies(r -> {
            assertThat(r.tokenId()).isEqualTo(id);
            assertThat(r.from()).isEqualToIgnoringCase(HOLDER.getAddress());
        });
    }

    @Test
    void shouldRefuseAMintByAnyoneButThePlatform() {
        Erc721Contract contract = Erc721Contract.deploy(web3j, PLATFORM, AnvilNode.CHAIN_ID, "Lantau", "LTC", "x/");

        assertThatThrownBy(() -> Erc721Contract.at(web3j, HOLDER, AnvilNode.CHAIN_ID, contract.address())
                .mint(HOLDER.getAddress(), BigInteger.ONE)).isInstanceOf(Erc721Contract.ChainException.class);
        assertThat(contract.ownerOf(BigInteger.ONE)).isEmpty();
    }
}
