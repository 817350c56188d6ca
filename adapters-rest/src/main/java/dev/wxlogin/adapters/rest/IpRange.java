package dev.wxlogin.adapters.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or one address, which is
 * a block of one ({@code /32}, {@code /128}).
 */
final class IpRange {
    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * @throws IllegalArgumentException naming {@code text} when it is no address or CIDR block, has bits set after
     *                                  the prefix (a typo more often than not), or is a {@code /0}, which would
     *                                  take in every address
     */
    static IpRange parse(String text) {
        String[] parts = text.strip().split("/", -1);
        InetAddress address = IpLiterals.address(parts[0])
                .filter(any -> parts.length <= 2)
                .orElseThrow(() -> invalid(text, "is neither an IP address nor a CIDR block such as 10.0.0.0/8"));
        int bits = address.getAddress().length * 8;
        int prefixLength = parts.length == 1 ? bits : prefixLength(parts[1], bits, text);
        byte[] network = masked(address.getAddress(), prefixLength);
        if (!Arrays.equals(network, address.getAddress())) {
            throw invalid(text, "has bits set after its /" + prefixLength + "; the block starts at "
                    + hostAddress(network));
        }
        return new IpRange(network, prefixLength);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
    }

    /** The first {@code prefixLength} bits of {@code address}, the rest zero. */
    static byte[] masked(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> bit % 8);
        }
        return masked;
    }

    /** Canonical: the address alone for a single one, else {@code network/prefix}. */
    @Override
    public String toString() {
        String address = hostAddress(network);
        return prefixLength == network.length * 8 ? address : address + "/" + prefixLength;
    }

    static String hostAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) { // only for a wrong number of bytes
            throw new IllegalStateException(impossible);
        }
    }

    private static int prefixLength(String text, int bits, String range) {
        Optional<Integer> length = text.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        return length.filter(n -> n >= 1 && n <= bits)
                .orElseThrow(() -> invalid(range, "needs a prefix length from 1 to " + bits));
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("'" + text.strip() + "' " + problem);
    }
}
