package io.lantau.gateway.binance;

import java.util.LinkedHashSet;
import java.util.Set;

/** Binance's {@code symbols} parameter: a JSON array of strings, {@code ["BTCHKD","ETHHKD"]}. */
final class SymbolLists {
    private static final int MAX_SYMBOLS = 100;

    private SymbolLists() {
    }

    /** @throws BinanceException {@code -1100} unless the text is such an array of symbol-shaped strings. */
    static Set<String> parse(String text) {
        String t = text.trim();
        if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
            throw new BinanceException(BinanceError.illegalChars("symbols"));
        }
        Set<String> symbols = new LinkedHashSet<>();
        String inner = t.substring(1, t.length() - 1).trim();
        if (inner.isEmpty()) {
            throw new BinanceException(BinanceError.illegalChars("symbols"));
        }
        for (String part : inner.split(",", -1)) {
            String p = part.trim();
            if (p.length() < 3 || p.charAt(0) != '"' || p.charAt(p.length() - 1) != '"') {
                throw new BinanceException(BinanceError.illegalChars("symbols"));
            }
            String symbol = p.substring(1, p.length() - 1);
            if (symbol.isEmpty() || symbol.length() > 20 || !symbol.chars().allMatch(Character::isLetterOrDigit)) {
                throw new BinanceException(BinanceError.illegalChars("symbols"));
            }
            symbols.add(symbol);
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw new BinanceException(BinanceError.illegalChars("symbols"));
        }
        return symbols;
    }
}
