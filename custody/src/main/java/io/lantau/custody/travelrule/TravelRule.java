package io.lantau.custody.travelrule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The travel rule for outgoing transfers (HK-22, AML Guideline 12.11): decides whether a transfer is at or above the
 * threshold ({@link #assess}), refuses one that is without complete IVMS 101 data, and keeps the data that goes with
 * the transfer ({@link #recordOutgoing}; the record's JSON is what the withdrawal sends to the beneficiary's VASP).
 * Below the threshold no data is required; data given anyway is checked and kept. A transfer whose asset has no
 * price counts as at or above the threshold. Thread-safe; blocking (JDBC).
 */
public final class TravelRule {
    /** Strict: an unknown IVMS field is an error, not silently dropped. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final int MAX_LISTED = 500;

    /**
     * Whether a transfer needs full travel-rule data.
     *
     * @param valueMinor its value in the valuation currency, or null without a price.
     */
    public record Assessment(Long valueMinor, boolean required) {
    }

    private final DataSource dataSource;
    private final TravelRuleSettings settings;
    private final Valuation valuation;
    private final String valuationCurrency;
    private final Clock clock;

    /** @param valuationCurrency the profile's valuation currency (what {@code thresholdMinor} is in). */
    public TravelRule(DataSource dataSource, TravelRuleSettings settings, Valuation valuation,
            String valuationCurrency, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.valuation = valuation;
        this.valuationCurrency = valuationCurrency;
        this.clock = clock;
    }

    /** @return the transfer's value and whether it is at or above the threshold. */
    public Assessment assess(int assetId, long amountMinor) {
        OptionalLong value = valuation.valueMinor(assetId, amountMinor);
        if (value.isEmpty()) {
            return new Assessment(null, true);
        }
        return new Assessment(value.getAsLong(), value.getAsLong() >= settings.thresholdMinor());
    }

    /**
     * Checks and keeps the travel-rule data of an outgoing transfer, before it is signed.
     *
     * @param transferRef the withdrawal's reference (unique per outgoing transfer).
     * @param payload     the originator (the client) and the beneficiary, or null if none was collected.
     * @return the record to send with the transfer; empty for a transfer below the threshold without data.
     * @throws TravelRuleException {@code TRAVEL_RULE_DATA_MISSING} at or above the threshold without complete data;
     *                             {@code INVALID_IVMS101} for bad data below it; {@code TRAVEL_RULE_RECORD_CONFLICT} if
     *                             other data was kept for the reference. Nothing is kept on a refusal.
     */
    public Optional<TravelRuleRecord> recordOutgoing(String transferRef, long accountId, int assetId,
            long amountMinor, Ivms101.Payload payload) {
        Assessment assessment = assess(assetId, amountMinor);
        if (payload == null && !assessment.required()) {
            return Optional.empty();
        }
        return Optional.of(record(Direction.OUTGOING, transferRef, accountId, assetId, amountMinor, payload,
                assessment));
    }

    /**
     * Checks the travel-rule data of an outgoing transfer as {@link #recordOutgoing} would, without keeping it: what
     * a withdrawal request is checked with before anything of it is recorded.
     *
     * @throws TravelRuleException {@code TRAVEL_RULE_DATA_MISSING} at or above the threshold without complete data;
     *                             {@code INVALID_IVMS101} for bad data below it.
     */
    public void checkOutgoing(int assetId, long amountMinor, Ivms101.Payload payload) {
        Assessment assessment = assess(assetId, amountMinor);
        if (payload != null || assessment.required()) {
            requireValid(payload, assessment);
        }
    }

    /** @return the payload kept with an outgoing transfer, if any. */
    public Optional<Ivms101.Payload> keptOutgoing(String transferRef) {
        return find(Direction.OUTGOING, transferRef).map(r -> parse(r.ivms101()));
    }

    /**
     * @return the client as the originator of an outgoing transfer: their verified KYC identity
     *     ({@link #naturalPerson}) with their account id as the account number.
     */
    public static Ivms101.Originator originator(long accountId, KycIdentity identity) {
        return new Ivms101.Originator(List.of(naturalPerson(accountId, identity)), List.of(Long.toString(accountId)));
    }

    /** @return the record kept for a transfer, if any. */
    public Optional<TravelRuleRecord> find(Direction direction, String transferRef) {
        try (Connection c = dataSource.getConnection()) {
            return TravelRuleRecords.find(c, direction, transferRef);
        } catch (SQLException e) {
            throw Sql.translate("read a travel-rule record", e);
        }
    }

    /** @return the newest records, both directions (at most 500). */
    public List<TravelRuleRecord> list() {
        try (Connection c = dataSource.getConnection()) {
            return TravelRuleRecords.list(c, MAX_LISTED);
        } catch (SQLException e) {
            throw Sql.translate("list travel-rule records", e);
        }
    }

    /**
     * @return the payload read from IVMS 101 JSON.
     * @throws TravelRuleException {@code INVALID_IVMS101} for JSON that is not an IVMS 101 payload.
     */
    public static Ivms101.Payload parse(String json) {
        try {
            return JSON.readValue(json, Ivms101.Payload.class);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input: name only the field path.
            String at = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference()
                    : "the JSON text";
            throw new TravelRuleException(TravelRuleRefusal.INVALID_IVMS101, "not an IVMS 101 payload at " + at);
        }
    }

    /** @return the payload as IVMS 101 JSON. */
    public static String json(Ivms101.Payload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the client as an IVMS 101 natural person from their verified KYC identity: legal name, the residential
     *     address as address lines, the identity document as national identification, the date of birth, the
     *     country of residence, and the account id as customer identification.
     */
    public static Ivms101.Person naturalPerson(long accountId, KycIdentity identity) {
        Ivms101.NationalIdentifierTypeCode idType = switch (identity.idDocumentType()) {
            case PASSPORT -> Ivms101.NationalIdentifierTypeCode.CCPT;
            case DRIVING_LICENCE -> Ivms101.NationalIdentifierTypeCode.DRLC;
            default -> Ivms101.NationalIdentifierTypeCode.IDCD;
        };
        List<String> lines = identity.address().lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.length() > 70 ? l.substring(0, 70) : l).limit(7).toList();
        return Ivms101.Person.natural(new Ivms101.NaturalPerson(
                new Ivms101.NaturalPersonName(List.of(new Ivms101.NaturalPersonNameId(identity.legalName(), null,
                        Ivms101.NaturalPersonNameTypeCode.LEGL))),
                List.of(new Ivms101.GeographicAddress(Ivms101.AddressTypeCode.HOME, null, null, null, null, null,
                        null, lines, identity.residency())),
                new Ivms101.NationalIdentification(identity.idDocumentNumber(), idType, identity.nationality(), null),
                Long.toString(accountId), null, identity.residency()));
    }

    /** Validates and stores a record in one transaction; the same data again returns the first record. */
    TravelRuleRecord record(Direction direction, String transferRef, long accountId, int assetId, long amountMinor,
            Ivms101.Payload payload, Assessment assessment) {
        return Jdbc.inTransaction(dataSource, "keep travel-rule data",
                c -> record(c, direction, transferRef, accountId, assetId, amountMinor, payload, assessment));
    }

    /** {@link #record} inside the caller's transaction. */
    TravelRuleRecord record(Connection c, Direction direction, String transferRef, long accountId, int assetId,
            long amountMinor, Ivms101.Payload payload, Assessment assessment) throws SQLException {
        requireValid(payload, assessment);
        String json = json(payload);
        Optional<TravelRuleRecord> existing = TravelRuleRecords.find(c, direction, transferRef);
        if (existing.isPresent()) {
            if (!existing.get().ivms101().equals(json)) {
                throw new TravelRuleException(TravelRuleRefusal.TRAVEL_RULE_RECORD_CONFLICT, transferRef);
            }
            return existing.get();
        }
        return TravelRuleRecords.insert(c, direction, transferRef, accountId, assetId, amountMinor,
                assessment.valueMinor(), valuationCurrency, json, clock.instant());
    }

    private static void requireValid(Ivms101.Payload payload, Assessment assessment) {
        List<String> violations = Ivms101Validator.violations(payload, assessment.required());
        if (!violations.isEmpty()) {
            throw new TravelRuleException(assessment.required() ? TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING
                    : TravelRuleRefusal.INVALID_IVMS101, String.join("; ", violations));
        }
    }
}
