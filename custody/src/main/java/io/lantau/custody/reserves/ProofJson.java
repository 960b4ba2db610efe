package io.lantau.custody.reserves;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code PROOF.json} format ({@link ReservesVerifier} documents it) and the published root's JSON: written
 * canonically, read strictly (every field present with its type, no unknown field, amounts as plain decimals with at
 * most the asset's scale). Reading never trusts the file: any defect is a {@link ReservesException} naming the field.
 */
public final class ProofJson {
    /** The value of the {@code format} field this version writes and reads. */
    public static final String FORMAT = "lantau-reserves-proof/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ProofJson() {
    }

    /** @return the proof as a self-contained JSON document. */
    public static String write(InclusionProof proof) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.set("root", rootNode(proof.root()));
        List<AssetUnit> assets = proof.root().assets();
        ObjectNode leaf = json.putObject("leaf");
        leaf.put("index", proof.leafIndex());
        leaf.put("accountIdHash", proof.accountIdHash());
        leaf.put("salt", proof.salt());
        leaf.set("balances", amounts(assets, proof.balancesMinor()));
        ArrayNode path = json.putArray("path");
        for (ProofNode node : proof.path()) {
            ObjectNode sibling = path.addObject();
            sibling.put("hash", node.hash());
            sibling.set("sums", amounts(assets, node.sumsMinor()));
        }
        return json.toPrettyString();
    }

    /** @return the published root as JSON (the {@code root} object of a proof file). */
    public static String writeRoot(ReservesRoot root) {
        return rootNode(root).toPrettyString();
    }

    /** @throws ReservesException naming the first defect. */
    public static InclusionProof read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ReservesException("not JSON: " + e.getOriginalMessage());
        }
        requireFields(json, "", Set.of("format", "root", "leaf", "path"));
        String format = text(json, "format");
        if (!FORMAT.equals(format)) {
            throw new ReservesException("format is " + format + ", expected " + FORMAT);
        }
        ReservesRoot root = readRoot(json.get("root"));
        List<AssetUnit> assets = root.assets();
        JsonNode leaf = json.get("leaf");
        requireFields(leaf, "leaf.", Set.of("index", "accountIdHash", "salt", "balances"));
        JsonNode path = json.get("path");
        if (!path.isArray()) {
            throw new ReservesException("path is not an array");
        }
        List<ProofNode> siblings = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            JsonNode node = path.get(i);
            String where = "path[" + i + "].";
            requireFields(node, where, Set.of("hash", "sums"));
            siblings.add(new ProofNode(hex(node, "hash", where), readAmounts(node.get("sums"), assets, where + "sums")));
        }
        return new InclusionProof(root, integer(leaf, "index", "leaf."), hex(leaf, "accountIdHash", "leaf."),
                hex(leaf, "salt", "leaf."), readAmounts(leaf.get("balances"), assets, "leaf.balances"), siblings);
    }

    /** @throws ReservesException naming the first defect of a root object. */
    public static ReservesRoot readRoot(String text) {
        try {
            return readRoot(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new ReservesException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static ObjectNode rootNode(ReservesRoot root) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("rootHash", root.rootHash());
        json.put("snapshotSequence", root.snapshotSequence());
        json.put("snapshotTime", root.snapshotTime().toString());
        json.put("treeHeight", root.treeHeight());
        json.put("leafCount", root.leafCount());
        ArrayNode assets = json.putArray("assets");
        for (AssetUnit asset : root.assets()) {
            assets.addObject().put("code", asset.code()).put("scale", asset.scale());
        }
        json.set("totals", amounts(root.assets(), root.totalsMinor()));
        return json;
    }

    private static ReservesRoot readRoot(JsonNode json) {
        requireFields(json, "root.", Set.of("rootHash", "snapshotSequence", "snapshotTime", "treeHeight", "leafCount",
                "assets", "totals"));
        JsonNode assetsJson = json.get("assets");
        if (!assetsJson.isArray() || assetsJson.isEmpty()) {
            throw new ReservesException("root.assets is not a non-empty array");
        }
        List<AssetUnit> assets = new ArrayList<>();
        for (int i = 0; i < assetsJson.size(); i++) {
            String where = "root.assets[" + i + "].";
            JsonNode asset = assetsJson.get(i);
            requireFields(asset, where, Set.of("code", "scale"));
            try {
                AssetUnit unit = new AssetUnit(text(asset, "code"), (int) integer(asset, "scale", where));
                if (assets.stream().anyMatch(a -> a.code().equals(unit.code()))) {
                    throw new ReservesException(where + "code " + unit.code() + " appears twice");
                }
                assets.add(unit);
            } catch (IllegalArgumentException e) {
                throw new ReservesException(where + " is not an asset: " + e.getMessage());
            }
        }
        String time = text(json, "snapshotTime");
        Instant snapshotTime;
        try {
            snapshotTime = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new ReservesException("root.snapshotTime is not an ISO-8601 instant: " + time);
        }
        long height = integer(json, "treeHeight", "root.");
        long leafCount = integer(json, "leafCount", "root.");
        if (height > 62 || leafCount > Integer.MAX_VALUE) {
            throw new ReservesException("root.treeHeight or root.leafCount is out of range");
        }
        return new ReservesRoot(hex(json, "rootHash", "root."), integer(json, "snapshotSequence", "root."),
                snapshotTime, (int) height, (int) leafCount, assets, readAmounts(json.get("totals"), assets,
                        "root.totals"));
    }

    private static ObjectNode amounts(List<AssetUnit> assets, List<Long> amountsMinor) {
        ObjectNode json = MAPPER.createObjectNode();
        for (int i = 0; i < assets.size(); i++) {
            json.put(assets.get(i).code(), assets.get(i).format(amountsMinor.get(i)));
        }
        return json;
    }

    private static List<Long> readAmounts(JsonNode json, List<AssetUnit> assets, String where) {
        if (json == null || !json.isObject()) {
            throw new ReservesException(where + " is not an object");
        }
        List<Long> amounts = new ArrayList<>(assets.size());
        for (AssetUnit asset : assets) {
            JsonNode amount = json.get(asset.code());
            if (amount == null || !amount.isTextual()) {
                throw new ReservesException(where + "." + asset.code() + " is missing or not a decimal string");
            }
            try {
                amounts.add(asset.parse(amount.asText()));
            } catch (ReservesException e) {
                throw new ReservesException(where + ": " + e.getMessage());
            }
        }
        if (json.size() != assets.size()) {
            throw new ReservesException(where + " has assets the root does not list");
        }
        return amounts;
    }

    private static void requireFields(JsonNode json, String where, Set<String> fields) {
        if (json == null || !json.isObject()) {
            throw new ReservesException((where.isEmpty() ? "the document" : where) + " is not an object");
        }
        for (String field : fields) {
            if (!json.has(field) || json.get(field).isNull()) {
                throw new ReservesException(where + field + " is missing");
            }
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new ReservesException(where + name + " is not a field of the format");
            }
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (!value.isTextual()) {
            throw new ReservesException(field + " is not a string");
        }
        return value.asText();
    }

    private static long integer(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new ReservesException(where + field + " is not a non-negative integer");
        }
        return value.asLong();
    }

    private static String hex(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (!value.isTextual() || !value.asText().matches("[0-9a-f]{64}")) {
            throw new ReservesException(where + field + " is not 64 lower-case hex digits");
        }
        return value.asText();
    }
}
