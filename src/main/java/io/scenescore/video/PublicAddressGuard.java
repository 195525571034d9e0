package io.scenescore.video;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Keeps video_url fetches on the public internet: every address a host name resolves to must be public, or the
 * host is refused (a name with one private address among public ones could be made to pick it). Used as the
 * fetching client's resolver, so the addresses checked are the ones it connects to: a name that resolves to a
 * public address when checked and a private one when connected (DNS rebinding) gets nowhere.
 */
public final class PublicAddressGuard implements DnsResolver {

    private final Function<InetAddress, String> refusal;

    /** Refuses every non-public address, unless {@code allowPrivate} (SCENESCORE_ALLOW_PRIVATE_URLS, for tests). */
    public PublicAddressGuard(boolean allowPrivate) {
        this(allowPrivate ? address -> null : PublicAddressGuard::nonPublicKind);
    }

    /** Refuses the addresses {@code refusal} names a kind for ("a loopback address"; null: allowed). */
    public PublicAddressGuard(Function<InetAddress, String> refusal) {
        this.refusal = refusal;
    }

    /** A host that resolves to an address the guard refuses; says which and why. */
    public static final class Refused extends UnknownHostException {
        public Refused(String message) {
            super(message);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            String kind = refusal.apply(address);
            if (kind != null) {
                throw new Refused(host + " resolves to " + address.getHostAddress() + ", " + kind
                        + "; only public addresses are fetched");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** What kind of non-public address this is ("a loopback address"), or null for a public one. */
    public static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return nonPublicIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            return nonPublicIpv6(b);
        }
        return null;
    }

    private static String nonPublicIpv4(int a, int b, int c) {
        if (a == 0) {
            return "a 'this network' address";
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return "a carrier-grade NAT address";
        }
        if (a == 192 && b == 0 && (c == 0 || c == 2) || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return "a reserved or documentation address";
        }
        if (a == 198 && (b == 18 || b == 19)) {
            return "a benchmarking address";
        }
        if (a >= 240) {
            return "a reserved address";
        }
        return null;
    }

    private static String nonPublicIpv6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return "a unique local address";
        }
        if (allZero(b, 0, 12)) {
            // ::a.b.c.d, the old IPv4-compatible form (the IPv4-mapped one already comes back as IPv4)
            return embedded(b, 12);
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return embedded(b, 12); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(b, 2); // 6to4 2002::/16
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return "a Teredo tunnel address";
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "a documentation address";
        }
        if (first == 0x01 && b[1] == 0 && allZero(b, 2, 8)) {
            return "a discard-only address";
        }
        return null;
    }

    private static String embedded(byte[] b, int at) {
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
            String kind = nonPublicKind(v4);
            return kind == null ? null : kind.replaceFirst("^an? ", "an IPv6 form of a ");
        } catch (UnknownHostException e) {
            return "an unreadable address";
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
