package io.lantau.custody.fiat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an ISO 20022 customer credit transfer initiation, pain.001.001.09, for one payment from the platform's
 * client-money account ({@code Dbtr}) to a client's designated account ({@code Cdtr}): group header, one payment
 * information block (method {@code TRF}) and one credit transfer, elements in the schema's order. Built with the
 * JDK's DOM and serialized by {@link SecureXml}, so the text is well-formed and escaped.
 */
public final class Pain001Writer {
    /** The pain.001 version written. */
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /**
     * One payment to instruct.
     *
     * @param messageId     unique per message, at most 35 characters (also the payment's end-to-end id).
     * @param creditorBic   the creditor's bank BIC, or null.
     * @param amount        a decimal with the currency's decimals, e.g. {@code 1500.00}.
     * @param remittance    the text the client sees on their statement, at most 140 characters.
     */
    public record Instruction(String messageId, Instant createdAt, PlatformBankAccount debtor, String creditorName,
            String creditorAccount, String creditorBic, String currency, String amount, LocalDate executionDate,
            String remittance) {
    }

    private Pain001Writer() {
    }

    /** @return the pain.001.001.09 document's XML text. */
    public static String write(Instruction i) {
        Document d = SecureXml.newDocument();
        Element root = d.createElementNS(NAMESPACE, "Document");
        d.appendChild(root);
        Element initiation = add(root, "CstmrCdtTrfInitn");

        Element header = add(initiation, "GrpHdr");
        text(header, "MsgId", i.messageId());
        text(header, "CreDtTm", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(i.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        text(header, "NbOfTxs", "1");
        text(header, "CtrlSum", i.amount());
        text(add(header, "InitgPty"), "Nm", cut(i.debtor().holderName(), 140));

        Element payment = add(initiation, "PmtInf");
        text(payment, "PmtInfId", i.messageId());
        text(payment, "PmtMtd", "TRF");
        text(payment, "NbOfTxs", "1");
        text(payment, "CtrlSum", i.amount());
        text(add(payment, "ReqdExctnDt"), "Dt", i.executionDate().toString());
        text(add(payment, "Dbtr"), "Nm", cut(i.debtor().holderName(), 140));
        account(add(payment, "DbtrAcct"), i.debtor().accountNumber());
        text(add(add(payment, "DbtrAgt"), "FinInstnId"), "BICFI", i.debtor().bankBic());

        Element transfer = add(payment, "CdtTrfTxInf");
        Element paymentId = add(transfer, "PmtId");
        text(paymentId, "InstrId", i.messageId());
        text(paymentId, "EndToEndId", i.messageId());
        Element amount = text(add(transfer, "Amt"), "InstdAmt", i.amount());
        amount.setAttribute("Ccy", i.currency());
        if (i.creditorBic() != null) {
            text(add(add(transfer, "CdtrAgt"), "FinInstnId"), "BICFI", i.creditorBic());
        }
        text(add(transfer, "Cdtr"), "Nm", cut(i.creditorName(), 140));
        account(add(transfer, "CdtrAcct"), i.creditorAccount());
        text(add(transfer, "RmtInf"), "Ustrd", cut(i.remittance(), 140));
        return SecureXml.serialize(d);
    }

    private static void account(Element account, String number) {
        Element id = add(account, "Id");
        if (BankAccountNumber.isIban(number)) {
            text(id, "IBAN", number);
        } else {
            text(add(id, "Othr"), "Id", number);
        }
    }

    private static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(e);
        return e;
    }

    private static Element text(Element parent, String name, String value) {
        Element e = add(parent, name);
        e.setTextContent(value);
        return e;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
