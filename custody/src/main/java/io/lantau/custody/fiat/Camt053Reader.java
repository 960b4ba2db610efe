package io.lantau.custody.fiat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the incoming payments of an ISO 20022 bank-to-customer statement, camt.053.001.02 or camt.053.001.08
 * ({@code Document/BkToCstmrStmt/Stmt/Ntry}), with {@link SecureXml}.
 *
 * <p>Each booked credit entry ({@code CdtDbtInd = CRDT}, status {@code BOOK}, not a reversal) is a payment; an entry
 * that batches several transactions ({@code NtryDtls/TxDtls}) gives one payment per transaction, each with its own
 * amount. The bank's reference is the entry's {@code AcctSvcrRef} (else {@code NtryRef}), suffixed with the
 * transaction's {@code Refs/AcctSvcrRef} (else {@code EndToEndId}, else its position) in a batch. The payer is the
 * related party {@code Dbtr} ({@code Dbtr/Nm} in .02, {@code Dbtr/Pty/Nm} in .08) and {@code DbtrAcct}
 * ({@code Id/IBAN} or {@code Id/Othr/Id}); the client's deposit reference is looked for in {@code RmtInf/Ustrd}.
 * Debits and pending or information entries are not payments to the platform and are skipped.
 *
 * <p>The whole statement is read before anything is done with it: one bad entry refuses the statement
 * ({@code INVALID_STATEMENT} naming the entry), so an import is all or nothing.
 */
public final class Camt053Reader {
    /** The camt.053 versions read. */
    public static final Set<String> NAMESPACES = Set.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
    private static final int MAX_REFERENCE = 60;

    private final FiatCurrencies currencies;

    public Camt053Reader(FiatCurrencies currencies) {
        this.currencies = currencies;
    }

    /**
     * @return the statement's incoming payments, in statement order.
     * @throws FiatException {@code INVALID_STATEMENT} for a document that is not such a statement.
     */
    public List<BankPayment> read(byte[] xml) {
        Document document = SecureXml.parse(xml);
        Element root = document.getDocumentElement();
        if (!"Document".equals(root.getLocalName()) || root.getNamespaceURI() == null
                || !NAMESPACES.contains(root.getNamespaceURI())) {
            throw invalid("not a camt.053.001.02 or .08 Document");
        }
        Element statementMessage = SecureXml.child(root, "BkToCstmrStmt");
        if (statementMessage == null) {
            throw invalid("no BkToCstmrStmt");
        }
        List<BankPayment> payments = new ArrayList<>();
        for (Element statement : SecureXml.children(statementMessage, "Stmt")) {
            String statementAccount = accountNumber(SecureXml.path(statement, "Acct"));
            if (statementAccount == null) {
                throw invalid("a statement without a valid account Id");
            }
            int index = 0;
            for (Element entry : SecureXml.children(statement, "Ntry")) {
                readEntry(entry, statementAccount, index++, payments);
            }
        }
        return payments;
    }

    private void readEntry(Element entry, String statementAccount, int index, List<BankPayment> out) {
        String where = "entry " + index;
        if (!"CRDT".equals(SecureXml.text(entry, "CdtDbtInd"))) {
            return;
        }
        String status = SecureXml.text(entry, "Sts", "Cd");
        if (status == null) {
            status = SecureXml.text(entry, "Sts");
        }
        if (!"BOOK".equals(status) || "true".equals(SecureXml.text(entry, "RvslInd"))) {
            return;
        }
        String entryRef = SecureXml.text(entry, "AcctSvcrRef");
        if (entryRef == null) {
            entryRef = SecureXml.text(entry, "NtryRef");
        }
        if (entryRef == null || entryRef.length() > MAX_REFERENCE) {
            throw invalid(where + ": no AcctSvcrRef or NtryRef of at most " + MAX_REFERENCE);
        }
        LocalDate bookedOn = date(SecureXml.text(entry, "BookgDt", "Dt"), where);
        List<Element> transactions = new ArrayList<>();
        for (Element details : SecureXml.children(entry, "NtryDtls")) {
            transactions.addAll(SecureXml.children(details, "TxDtls"));
        }
        if (transactions.size() <= 1) {
            Element tx = transactions.isEmpty() ? null : transactions.get(0);
            out.add(payment(statementAccount, entryRef, bookedOn, SecureXml.child(entry, "Amt"), tx, where));
            return;
        }
        for (int i = 0; i < transactions.size(); i++) {
            Element tx = transactions.get(i);
            String txRef = SecureXml.text(tx, "Refs", "AcctSvcrRef");
            if (txRef == null) {
                txRef = SecureXml.text(tx, "Refs", "EndToEndId");
            }
            if (txRef == null || txRef.equals("NOTPROVIDED")) {
                txRef = Integer.toString(i);
            }
            Element amount = SecureXml.child(tx, "Amt");
            if (amount == null) {
                amount = SecureXml.path(tx, "AmtDtls", "TxAmt", "Amt");
            }
            out.add(payment(statementAccount, entryRef + "/" + txRef, bookedOn, amount, tx,
                    where + " transaction " + i));
        }
    }

    private BankPayment payment(String statementAccount, String reference, LocalDate bookedOn, Element amount,
            Element tx, String where) {
        if (amount == null || amount.getAttribute("Ccy").isEmpty() || reference.length() > 140) {
            throw invalid(where + ": no amount with its currency");
        }
        String currency = amount.getAttribute("Ccy");
        if (!currency.matches("[A-Z]{3}")) {
            throw invalid(where + ": a currency is three capital letters");
        }
        long amountMinor;
        try {
            amountMinor = currencies.statementAmountMinor(currency, amount.getTextContent().strip());
        } catch (FiatException e) {
            throw invalid(where + ": bad amount");
        }
        String payerName = null;
        String payerAccount = null;
        String remittance = null;
        if (tx != null) {
            Element debtor = SecureXml.path(tx, "RltdPties", "Dbtr");
            payerName = SecureXml.text(debtor, "Pty", "Nm");
            if (payerName == null) {
                payerName = SecureXml.text(debtor, "Nm");
            }
            Element debtorAccount = SecureXml.path(tx, "RltdPties", "DbtrAcct");
            payerAccount = rawAccount(debtorAccount);
            List<String> lines = new ArrayList<>();
            for (Element u : SecureXml.children(SecureXml.child(tx, "RmtInf"), "Ustrd")) {
                lines.add(u.getTextContent().strip());
            }
            remittance = lines.isEmpty() ? null : String.join(" ", lines);
        }
        return new BankPayment("CAMT053", statementAccount, reference, bookedOn, currency, amountMinor,
                cut(payerName, 140), cut(payerAccount, 34), cut(remittance, 140));
    }

    /** @return the normalised number of an {@code Acct}/{@code DbtrAcct} element, or null. */
    private static String accountNumber(Element account) {
        return BankAccountNumber.normaliseOrNull(rawAccount(account));
    }

    private static String rawAccount(Element account) {
        String iban = SecureXml.text(account, "Id", "IBAN");
        return iban != null ? iban : SecureXml.text(account, "Id", "Othr", "Id");
    }

    private static LocalDate date(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(where + ": BookgDt/Dt is not an ISO date");
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static FiatException invalid(String detail) {
        return new FiatException(FiatRefusal.INVALID_STATEMENT, detail);
    }
}
