package io.lantau.collectibles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ERC-721 metadata JSON of an item (the JSON schema of EIP-721's optional metadata extension, with OpenSea-style
 * attributes): name, description, the media as {@code ipfs://<CIDv1>}, and attributes that carry the collection, the
 * edition, the content hash, the AI label with its declared tool and creator, the likeness-rights record and the
 * note that the IP is not transferred (CN-08). Stateless.
 */
public final class Erc721Metadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Erc721Metadata() {
    }

    /** @return the metadata document for the item. */
    public static ObjectNode of(Item item, Collection collection) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", item.title());
        String label = item.label().isEmpty() ? "" : " " + item.label() + ".";
        doc.put("description", collection.description() + label
                + " Owning this item does not transfer the intellectual property in the work.");
        doc.put("image", "ipfs://" + item.mediaCid());
        ArrayNode attributes = doc.putArray("attributes");
        attribute(attributes, "collection", collection.name());
        attribute(attributes, "category", collection.category().name());
        attributes.addObject().put("trait_type", "edition").put("value", item.edition());
        attribute(attributes, "sha256", item.mediaSha256());
        if (item.aiGenerated()) {
            attribute(attributes, "ai_label", item.label());
            attribute(attributes, "ai_tool", item.aiTool());
            attribute(attributes, "ai_creator", item.aiCreator());
        }
        if (item.likenessRights() != null) {
            attribute(attributes, "likeness_rights", item.likenessRights());
        }
        return doc;
    }

    private static void attribute(ArrayNode attributes, String trait, String value) {
        attributes.addObject().put("trait_type", trait).put("value", value);
    }
}
