package io.lantau.custody.fiat;

import java.nio.charset.StandardCharsets;

/** camt.053 statements as banks send them, for the tests: one credit entry per payment. */
final class Statements {
    static final String V08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String V02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    /** One incoming payment on the statement. */
    record Entry(String bankRef, String amount, String currency, String payerName, String payerAccount,
            String remittance) {
    }

    private Statements() {
    }

    /** @return a camt.053.001.08 statement of {@code account} with the entries, plus one debit (to be skipped). */
    static byte[] camt053v08(String account, Entry... entries) {
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-2026-06-01</MsgId><CreDtTm>2026-06-01T18:00:00+08:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-1</Id>
                      <CreDtTm>2026-06-01T18:00:00+08:00</CreDtTm>
                      <Acct><Id><Othr><Id>%s</Id></Othr></Id><Ccy>HKD</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="HKD">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-06-01</Dt></BookgDt><AcctSvcrRef>FEE-1</AcctSvcrRef>
                        <BkTxCd><Prtry><Cd>FEE</Cd></Prtry></BkTxCd>
                      </Ntry>
                """.formatted(V08, account));
        for (Entry e : entries) {
            x.append("""
                          <Ntry>
                            <Amt Ccy="%s">%s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>2026-06-01</Dt></BookgDt>
                            <ValDt><Dt>2026-06-01</Dt></ValDt>
                            <AcctSvcrRef>%s</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls><TxDtls>
                              <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                              <RltdPties>
                                <Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr>
                                <DbtrAcct><Id><Othr><Id>%s</Id></Othr></Id></DbtrAcct>
                              </RltdPties>
                              <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                            </TxDtls></NtryDtls>
                          </Ntry>
                    """.formatted(e.currency(), e.amount(), e.bankRef(), e.payerName(), e.payerAccount(),
                    e.remittance()));
        }
        x.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return a camt.053.001.02 statement (the older layout: {@code Sts} as text, {@code Dbtr/Nm}). */
    static byte[] camt053v02(String account, Entry e) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>S2</MsgId><CreDtTm>2026-06-01T18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>S2-1</Id><CreDtTm>2026-06-01T18:00:00</CreDtTm>
                      <Acct><Id><Othr><Id>%s</Id></Othr></Id></Acct>
                      <Ntry>
                        <Amt Ccy="%s">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-06-01</Dt></BookgDt><AcctSvcrRef>%s</AcctSvcrRef>
                        <BkTxCd/>
                        <NtryDtls><TxDtls>
                          <RltdPties><Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><Othr><Id>%s</Id></Othr></Id></DbtrAcct></RltdPties>
                          <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(V02, account, e.currency(), e.amount(), e.bankRef(), e.payerName(), e.payerAccount(),
                e.remittance()).getBytes(StandardCharsets.UTF_8);
    }
}
