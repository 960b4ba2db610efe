package io.lantau.compliance.screening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council Consolidated List in its published XML format (the file behind
 * {@code scsanctions.un.org/resources/xml/en/consolidated.xml}): {@code CONSOLIDATED_LIST} with
 * {@code INDIVIDUALS/INDIVIDUAL} (DATAID, FIRST_NAME .. FOURTH_NAME, UN_LIST_TYPE, REFERENCE_NUMBER, LISTED_ON,
 * NAME_ORIGINAL_SCRIPT, INDIVIDUAL_ALIAS/ALIAS_NAME, ...) and {@code ENTITIES/ENTITY} (DATAID, FIRST_NAME,
 * ENTITY_ALIAS/ALIAS_NAME, ...). Elements it does not use (addresses, documents, dates of birth) are skipped, so
 * additions to the schema do not break it. Empty placeholder aliases ({@code <ALIAS_NAME/>}) are dropped.
 *
 * <p>Secure by construction (HK-24 lists come from outside): the JDK's StAX parser with DTDs and external entities
 * off, and a document that declares a DTD at all is refused, so no entity expansion or external fetch can happen.
 * The file is read whole (at most {@value #MAX_BYTES} bytes; the real list is a few MB) to hash it.
 *
 * <p>Stateless and thread-safe.
 */
public final class SanctionsListLoader {
    /** The source name of the UN Security Council Consolidated List. */
    public static final String UN_SECURITY_COUNCIL = "UN_SC";
    /** The largest file accepted, in bytes. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final String ROOT = "CONSOLIDATED_LIST";

    /**
     * Reads a list file.
     *
     * @throws ScreeningException LIST_UNREADABLE, LIST_TOO_LARGE or LIST_EMPTY.
     */
    public SanctionsList load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, "cannot read " + file, e);
        }
    }

    /**
     * Reads a list from a stream (left open).
     *
     * @throws ScreeningException LIST_UNREADABLE, LIST_TOO_LARGE or LIST_EMPTY.
     */
    public SanctionsList load(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, "cannot read the list", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ScreeningException(ScreeningRefusal.LIST_TOO_LARGE, "more than " + MAX_BYTES + " bytes");
        }
        String sha256 = sha256(bytes);
        Parsed parsed;
        try {
            parsed = parse(bytes);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ScreeningException s) {
                throw s;
            }
            throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, String.valueOf(e.getMessage()), e);
        }
        if (parsed.entries.isEmpty()) {
            throw new ScreeningException(ScreeningRefusal.LIST_EMPTY, "no INDIVIDUAL or ENTITY");
        }
        String version = parsed.dateGenerated == null || parsed.dateGenerated.isBlank()
                ? sha256 : parsed.dateGenerated.strip();
        return new SanctionsList(UN_SECURITY_COUNCIL, version, sha256, parsed.entries);
    }

    private static Parsed parse(byte[] bytes) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
        try {
            Parsed parsed = new Parsed();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, "a DTD is not allowed");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (!rootSeen) {
                    if (!ROOT.equals(name)) {
                        throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE,
                                "root element is " + name + ", not " + ROOT);
                    }
                    rootSeen = true;
                    parsed.dateGenerated = reader.getAttributeValue(null, "dateGenerated");
                } else if ("INDIVIDUAL".equals(name)) {
                    parsed.entries.add(readEntry(reader, SanctionsEntry.Kind.INDIVIDUAL, "INDIVIDUAL_ALIAS"));
                } else if ("ENTITY".equals(name)) {
                    parsed.entries.add(readEntry(reader, SanctionsEntry.Kind.ENTITY, "ENTITY_ALIAS"));
                }
            }
            if (!rootSeen) {
                throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, "no " + ROOT + " element");
            }
            return parsed;
        } finally {
            reader.close();
        }
    }

    /** Reads one INDIVIDUAL or ENTITY; the reader is on its start tag and is left on its end tag. */
    private static SanctionsEntry readEntry(XMLStreamReader reader, SanctionsEntry.Kind kind, String aliasElement)
            throws XMLStreamException {
        String entryElement = reader.getLocalName();
        String[] nameParts = new String[4];
        String dataId = null;
        String reference = "";
        String listType = null;
        String listedOn = null;
        String originalScript = null;
        List<String> aliases = new ArrayList<>();
        // Depth below the entry element, and the name of the depth-1 container (alias, address, ...) we are in.
        int depth = 0;
        String container = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    break; // the entry's own end tag
                }
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (depth == 0) {
                switch (name) {
                    case "DATAID" -> dataId = text(reader);
                    case "FIRST_NAME" -> nameParts[0] = text(reader);
                    case "SECOND_NAME" -> nameParts[1] = text(reader);
                    case "THIRD_NAME" -> nameParts[2] = text(reader);
                    case "FOURTH_NAME" -> nameParts[3] = text(reader);
                    case "UN_LIST_TYPE" -> listType = text(reader);
                    case "REFERENCE_NUMBER" -> reference = text(reader);
                    case "LISTED_ON" -> listedOn = text(reader);
                    case "NAME_ORIGINAL_SCRIPT" -> originalScript = text(reader);
                    default -> {
                        depth = 1; // a container (alias, address, document, ...) or a field not used
                        container = name;
                    }
                }
            } else if (depth == 1 && "ALIAS_NAME".equals(name) && aliasElement.equals(container)) {
                String alias = text(reader);
                if (!alias.isEmpty()) {
                    aliases.add(alias);
                }
            } else {
                depth++;
            }
        }
        if (dataId == null || dataId.isEmpty()) {
            throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, entryElement + " without DATAID");
        }
        StringBuilder primary = new StringBuilder();
        for (String part : nameParts) {
            if (part != null && !part.isEmpty()) {
                if (!primary.isEmpty()) {
                    primary.append(' ');
                }
                primary.append(part);
            }
        }
        if (primary.isEmpty()) {
            throw new ScreeningException(ScreeningRefusal.LIST_UNREADABLE, entryElement + " " + dataId
                    + " without a name");
        }
        List<String> others = new ArrayList<>(aliases);
        if (originalScript != null && !originalScript.isEmpty()) {
            others.add(originalScript);
        }
        return new SanctionsEntry(dataId, kind, reference, primary.toString(), others,
                listType == null || listType.isEmpty() ? null : listType, date(listedOn));
    }

    private static String text(XMLStreamReader reader) throws XMLStreamException {
        return reader.getElementText().strip();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null; // a malformed listing date does not make the entry unscreenable
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static final class Parsed {
        String dateGenerated;
        final List<SanctionsEntry> entries = new ArrayList<>();
    }
}
