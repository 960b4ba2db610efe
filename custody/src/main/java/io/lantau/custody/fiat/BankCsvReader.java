package io.lantau.custody.fiat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the bank's simple CSV statement export (RFC 4180, UTF-8, with a header row) of the platform's account:
 *
 * <pre>reference,booking_date,direction,currency,amount,payer_name,payer_account,remittance</pre>
 *
 * {@code reference} is the bank's unique transaction reference, {@code direction} {@code CREDIT} or {@code DEBIT}
 * (debits are skipped), {@code amount} a positive decimal. Like {@link Camt053Reader}, the whole file is read first
 * and one bad row refuses it ({@code INVALID_STATEMENT} naming the row).
 */
public final class BankCsvReader {
    static final String[] HEADER = {"reference", "booking_date", "direction", "currency", "amount", "payer_name",
        "payer_account", "remittance"};
    private final FiatCurrencies currencies;

    public BankCsvReader(FiatCurrencies currencies) {
        this.currencies = currencies;
    }

    /**
     * @param statementAccount the normalised number of the platform account the file is of.
     * @return its incoming payments, in file order.
     */
    public List<BankPayment> read(byte[] csv, String statementAccount) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("not UTF-8");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<BankPayment> payments = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
                format)) {
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                throw invalid("the header is " + String.join(",", HEADER));
            }
            for (CSVRecord row : parser) {
                String where = "row " + row.getRecordNumber();
                if (row.size() != HEADER.length) {
                    throw invalid(where + ": " + HEADER.length + " columns");
                }
                String direction = row.get("direction");
                if (direction.equals("DEBIT")) {
                    continue;
                }
                if (!direction.equals("CREDIT")) {
                    throw invalid(where + ": direction is CREDIT or DEBIT");
                }
                payments.add(payment(row, statementAccount, where));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw invalid("not RFC 4180 CSV");
        }
        return payments;
    }

    private BankPayment payment(CSVRecord row, String statementAccount, String where) {
        String reference = row.get("reference");
        if (reference.isEmpty() || reference.length() > 60) {
            throw invalid(where + ": reference of 1 to 60");
        }
        String currency = row.get("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw invalid(where + ": a currency is three capital letters");
        }
        long amountMinor;
        try {
            amountMinor = currencies.statementAmountMinor(currency, row.get("amount"));
        } catch (FiatException e) {
            throw invalid(where + ": bad amount");
        }
        LocalDate bookedOn;
        try {
            bookedOn = row.get("booking_date").isEmpty() ? null : LocalDate.parse(row.get("booking_date"));
        } catch (DateTimeParseException e) {
            throw invalid(where + ": booking_date is YYYY-MM-DD");
        }
        return new BankPayment("CSV", statementAccount, reference, bookedOn, currency, amountMinor,
                blankToNull(row.get("payer_name"), 140), blankToNull(row.get("payer_account"), 34),
                blankToNull(row.get("remittance"), 140));
    }

    private static String blankToNull(String s, int max) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static FiatException invalid(String detail) {
        return new FiatException(FiatRefusal.INVALID_STATEMENT, detail);
    }
}
