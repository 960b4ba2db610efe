package io.lantau.gateway.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses an API key may be used from: single addresses or CIDR blocks, IPv4 or IPv6. Parsed from the stored
 * comma-separated text without any DNS lookup (only literal addresses are accepted). Immutable.
 */
public final class IpAllowlist {
    /** Allows every address. */
    public static final IpAllowlist ANY = new IpAllowlist(List.of());

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private IpAllowlist(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @param text comma-separated addresses or blocks ({@code 10.0.0.1, 192.168.0.0/16, ::1}); null or blank means any.
     * @throws IllegalArgumentException for anything that is not a literal address or block.
     */
    public static IpAllowlist parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        List<Block> blocks = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a block: " + entry);
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("not a block: " + entry);
                }
            }
            blocks.add(new Block(address, bits));
        }
        return new IpAllowlist(blocks);
    }

    /** @return whether requests from {@code ip} are allowed; an unparsable address never is (unless any is). */
    public boolean allows(String ip) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] address;
        try {
            address = literal(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAny() {
        return blocks.isEmpty();
    }

    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.'
                || c == ':')) {
            throw new IllegalArgumentException("not a literal address: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal address: " + text, e);
        }
    }
}
