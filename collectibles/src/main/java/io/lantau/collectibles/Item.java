package io.lantau.collectibles;

import java.time.Instant;

/**
 * One unique item (CN-02): its edition in the collection and the SHA-256 (and IPFS CID) of its media. An item made
 * with generative AI carries {@code aiGenerated}, the declared tool and creator and a visible {@link #label()}; a
 * digital human carries its likeness-rights record.
 */
public record Item(long id, long collectionId, int edition, String title, String mediaSha256, String mediaCid,
        boolean aiGenerated, String aiTool, String aiCreator, String likenessRights, Instant createdAt) {

    /** @return the label shown with the item: "AI-generated (tool, by creator)" or empty. */
    public String label() {
        return aiGenerated ? "AI-generated (" + aiTool + ", by " + aiCreator + ")" : "";
    }
}
