package io.lantau.custody.reserves;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The Merkle sum tree over client liabilities (PoR-1, PoR-3, PoR-4), hashed as {@link ReservesHashing} describes.
 *
 * <p><b>One tree carrying a vector of sums</b> (one per asset) rather than one tree per asset: a client checks one
 * path for all their balances, the leaf binds all of a client's balances together (a server cannot show each asset's
 * tree a different client set), and the root publishes every asset's total at once.
 *
 * <p><b>Guarantees:</b> no leaf with a negative balance in any asset can enter (the build refuses the snapshot,
 * PoR-4: a negative leaf would hide liabilities); every sum is overflow-checked; the leaves are shuffled and each gets
 * a fresh 32-byte salt, so a leaf's position and hash say nothing about who it is. A level with an odd count is
 * completed with a padding node of zero sums.
 *
 * <p>Immutable once built; thread-safe.
 */
public final class MerkleSumTree {
    private static final HexFormat HEX = HexFormat.of();

    private record Node(byte[] hash, long[] sums) {
    }

    private record Leaf(long accountId, byte[] accountIdHash, byte[] salt, long[] balances) {
    }

    private final List<Leaf> leaves;
    private final List<List<Node>> levels;
    private final Map<Long, Integer> indexByAccount;
    private final ReservesRoot root;

    private MerkleSumTree(List<Leaf> leaves, List<List<Node>> levels, ReservesRoot root) {
        this.leaves = leaves;
        this.levels = levels;
        this.root = root;
        this.indexByAccount = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            indexByAccount.put(leaves.get(i).accountId(), i);
        }
    }

    /**
     * Builds the tree of a snapshot.
     *
     * @param random the source of salts and of the leaf order: a {@link java.security.SecureRandom} in production; a
     *               seeded one builds the same root twice from the same snapshot.
     * @throws ReservesException if the snapshot has no client, a client twice, a balance vector of the wrong size, a
     *                           negative balance, or a sum beyond {@code long}.
     */
    public static MerkleSumTree build(LiabilitySnapshot snapshot, Random random) {
        List<AssetUnit> assets = snapshot.assets();
        if (assets.isEmpty()) {
            throw new ReservesException("the snapshot has no assets");
        }
        if (snapshot.clients().isEmpty()) {
            throw new ReservesException("the snapshot has no client accounts");
        }
        List<ClientLiability> clients = new ArrayList<>(snapshot.clients());
        Collections.shuffle(clients, random);
        List<Leaf> leaves = new ArrayList<>(clients.size());
        List<Node> level = new ArrayList<>(clients.size() + 1);
        Map<Long, Boolean> seen = new HashMap<>();
        for (ClientLiability client : clients) {
            if (seen.put(client.accountId(), Boolean.TRUE) != null) {
                throw new ReservesException("account " + client.accountId() + " appears twice");
            }
            long[] balances = client.balances();
            if (balances.length != assets.size()) {
                throw new ReservesException("account " + client.accountId() + " has " + balances.length
                        + " balances for " + assets.size() + " assets");
            }
            for (int i = 0; i < balances.length; i++) {
                if (balances[i] < 0) {
                    throw new ReservesException("account " + client.accountId() + " has a negative "
                            + assets.get(i).code() + " balance: a negative leaf cannot enter the tree (PoR-4)");
                }
            }
            byte[] salt = new byte[ReservesHashing.HASH_BYTES];
            random.nextBytes(salt);
            Leaf leaf = new Leaf(client.accountId(), ReservesHashing.accountIdHash(client.accountId()), salt, balances);
            leaves.add(leaf);
            level.add(new Node(ReservesHashing.leafHash(leaf.accountIdHash(), salt, assets, balances), balances));
        }
        int height = heightFor(leaves.size());
        List<List<Node>> levels = new ArrayList<>(height + 1);
        levels.add(level);
        for (int h = 1; h <= height; h++) {
            List<Node> below = levels.get(h - 1);
            if (below.size() % 2 == 1) {
                below.add(new Node(ReservesHashing.paddingHash(h - 1), new long[assets.size()]));
            }
            List<Node> above = new ArrayList<>(below.size() / 2 + 1);
            for (int i = 0; i < below.size(); i += 2) {
                Node left = below.get(i);
                Node right = below.get(i + 1);
                long[] sums = ReservesHashing.addSums(left.sums(), right.sums(), assets, h);
                above.add(new Node(ReservesHashing.nodeHash(h, left.hash(), left.sums(), right.hash(), right.sums()),
                        sums));
            }
            levels.add(above);
        }
        Node top = levels.get(height).get(0);
        byte[] rootHash = ReservesHashing.rootHash(top.hash(), top.sums(), snapshot.sequence(), snapshot.takenAt(),
                height, leaves.size());
        ReservesRoot root = new ReservesRoot(HEX.formatHex(rootHash), snapshot.sequence(), snapshot.takenAt(),
                height, leaves.size(), assets, LongLists.toList(top.sums()));
        return new MerkleSumTree(List.copyOf(leaves), levels, root);
    }

    /** @return the tree's height for {@code leafCount ≥ 1} leaves: {@code ceil(log2(leafCount))}. */
    static int heightFor(long leafCount) {
        return leafCount <= 1 ? 0 : Long.SIZE - Long.numberOfLeadingZeros(leafCount - 1);
    }

    public ReservesRoot root() {
        return root;
    }

    /** @return the client accounts in the tree, in leaf order. */
    public List<Long> accountIds() {
        List<Long> ids = new ArrayList<>(leaves.size());
        for (Leaf leaf : leaves) {
            ids.add(leaf.accountId());
        }
        return ids;
    }

    /** @return the inclusion proof of {@code accountId}'s leaf, or empty if the account is not in the tree. */
    public Optional<InclusionProof> proofFor(long accountId) {
        Integer index = indexByAccount.get(accountId);
        if (index == null) {
            return Optional.empty();
        }
        Leaf leaf = leaves.get(index);
        List<ProofNode> path = new ArrayList<>(root.treeHeight());
        int i = index;
        for (int h = 0; h < root.treeHeight(); h++) {
            Node sibling = levels.get(h).get(i ^ 1);
            path.add(new ProofNode(HEX.formatHex(sibling.hash()), LongLists.toList(sibling.sums())));
            i >>= 1;
        }
        return Optional.of(new InclusionProof(root, index, HEX.formatHex(leaf.accountIdHash()),
                HEX.formatHex(leaf.salt()), LongLists.toList(leaf.balances()), path));
    }
}
