package io.lantau.collectibles.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The platform's deployed {@code LantauCollectibles} ERC-721 contract: mint (platform only), {@code ownerOf},
 * transfers from the platform and the {@code Transfer} events that bring items back. The platform's key signs every
 * transaction; each call waits for its receipt and fails loudly if the transaction reverted. Thread-safe as far as
 * one nonce sequence allows: callers serialise writes (the export service does).
 */
public final class Erc721Contract {
    private static final String ARTIFACT = "LantauCollectibles.json";
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);
    private static final Event TRANSFER = new Event("Transfer", List.of(new TypeReference<Address>(true) {
    }, new TypeReference<Address>(true) {
    }, new TypeReference<Uint256>(true) {
    }));

    private final Web3j web3j;
    private final RawTransactionManager transactions;
    private final PollingTransactionReceiptProcessor receipts;
    private final String platformAddress;
    private final String address;

    private Erc721Contract(Web3j web3j, Credentials platform, long chainId, String address) {
        this.web3j = Objects.requireNonNull(web3j);
        this.receipts = new PollingTransactionReceiptProcessor(web3j, 100, 600);
        this.transactions = new RawTransactionManager(web3j, platform, chainId, receipts);
        this.platformAddress = platform.getAddress();
        this.address = address;
    }

    /** Deploys a new contract owned by the platform's key; its token URIs are {@code baseUri + tokenId}. */
    public static Erc721Contract deploy(Web3j web3j, Credentials platform, long chainId, String name, String symbol,
            String baseUri) {
        Erc721Contract deployer = new Erc721Contract(web3j, platform, chainId, null);
        String constructor = FunctionEncoder.encodeConstructor(List.of(new Utf8String(name), new Utf8String(symbol),
                new Utf8String(baseUri), new Address(platform.getAddress())));
        TransactionReceipt receipt = deployer.send("", bytecode() + Numeric.cleanHexPrefix(constructor));
        return new Erc721Contract(web3j, platform, chainId, receipt.getContractAddress());
    }

    /** Binds to a contract deployed before. */
    public static Erc721Contract at(Web3j web3j, Credentials platform, long chainId, String address) {
        return new Erc721Contract(web3j, platform, chainId, Objects.requireNonNull(address));
    }

    /** @return the contract's address. */
    public String address() {
        return address;
    }

    /** @return the platform's address (the contract's owner, where items come back to). */
    public String platformAddress() {
        return platformAddress;
    }

    /** Mints {@code tokenId} to {@code to}; the chain refuses an id minted before (reverts). */
    public String mint(String to, BigInteger tokenId) {
        return send(address, FunctionEncoder.encode(new Function("mint", List.of(new Address(to),
                new Uint256(tokenId)), List.of()))).getTransactionHash();
    }

    /**
     * Sends a token the signing key holds to {@code to}: the platform re-exporting an item that came back, or (in
     * tests) a holder depositing it back to the platform.
     */
    public String transferFromSigner(String to, BigInteger tokenId) {
        return send(address, FunctionEncoder.encode(new Function("safeTransferFrom", List.of(
                new Address(platformAddress), new Address(to), new Uint256(tokenId)), List.of())))
                .getTransactionHash();
    }

    /** @return the token's owner, or empty if it was never minted. */
    public Optional<String> ownerOf(BigInteger tokenId) {
        Function f = new Function("ownerOf", List.of(new Uint256(tokenId)), List.of(new TypeReference<Address>() {
        }));
        EthCall result = call(f);
        if (result.isReverted() || result.hasError()) {
            return Optional.empty(); // ERC721NonexistentToken
        }
        @SuppressWarnings("rawtypes") // web3j's decoder answers a raw List<Type>
        List<Type> out = FunctionReturnDecoder.decode(result.getValue(), f.getOutputParameters());
        return out.isEmpty() ? Optional.empty() : Optional.of(((Address) out.get(0)).getValue());
    }

    /** @return the token URI the contract reports. */
    public String tokenUri(BigInteger tokenId) {
        Function f = new Function("tokenURI", List.of(new Uint256(tokenId)),
                List.of(new TypeReference<Utf8String>() {
                }));
        @SuppressWarnings("rawtypes") // web3j's decoder answers a raw List<Type>
        List<Type> out = FunctionReturnDecoder.decode(call(f).getValue(), f.getOutputParameters());
        return ((Utf8String) out.get(0)).getValue();
    }

    /** A token that moved to the platform's address: who sent it, in which block. */
    public record Returned(BigInteger tokenId, String from, BigInteger blockNumber) {
    }

    /** @return every transfer of a token to the platform's address from {@code fromBlock} on, in chain order. */
    public List<Returned> returnsSince(BigInteger fromBlock) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(fromBlock), DefaultBlockParameterName.LATEST,
                address);
        filter.addSingleTopic(EventEncoder.encode(TRANSFER));
        filter.addNullTopic();
        filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(platformAddress), 64));
        try {
            EthLog logs = web3j.ethGetLogs(filter).send();
            if (logs.hasError()) {
                throw new ChainException("eth_getLogs: " + logs.getError().getMessage());
            }
            List<Returned> out = new ArrayList<>();
            for (EthLog.LogResult<?> r : logs.getLogs()) {
                Log log = (Log) r.get();
                String from = "0x" + log.getTopics().get(1).substring(26);
                out.add(new Returned(Numeric.toBigInt(log.getTopics().get(3)), from, log.getBlockNumber()));
            }
            return out;
        } catch (IOException e) {
            throw new ChainException("eth_getLogs failed: " + e.getMessage(), e);
        }
    }

    private EthCall call(Function f) {
        try {
            return web3j.ethCall(Transaction.createEthCallTransaction(platformAddress, address,
                    FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST).send();
        } catch (IOException e) {
            throw new ChainException("eth_call failed: " + e.getMessage(), e);
        }
    }

    private TransactionReceipt send(String to, String data) {
        try {
            BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
            EthSendTransaction sent = transactions.sendTransaction(gasPrice, GAS_LIMIT, to, data, BigInteger.ZERO);
            if (sent.hasError()) {
                throw new ChainException("transaction refused: " + sent.getError().getMessage());
            }
            TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                throw new ChainException("transaction reverted: " + receipt.getTransactionHash());
            }
            return receipt;
        } catch (IOException | TransactionException e) {
            throw new ChainException("transaction failed: " + e.getMessage(), e);
        }
    }

    static String bytecode() {
        try (InputStream in = Erc721Contract.class.getResourceAsStream(ARTIFACT)) {
            JsonNode artifact = new ObjectMapper().readTree(Objects.requireNonNull(in, ARTIFACT));
            return artifact.get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARTIFACT, e);
        }
    }

    /** The chain refused, reverted or could not be reached. */
    public static final class ChainException extends RuntimeException {
        ChainException(String message) {
            super(message);
        }

        ChainException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
