package io.scenescore.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

import io.scenescore.video.PublicAddressGuard;

/**
 * The check a webhook_url's host passes when a run is asked for: every address it resolves to must be public (the
 * rule video_url fetches follow, {@link PublicAddressGuard}), unless private addresses are allowed
 * (SCENESCORE_ALLOW_PRIVATE_URLS, for tests). Answers why a host is refused, or null. Deliveries are checked again
 * when they connect (the sender's resolver is the guard), so a name that changes its address later gets nowhere.
 */
public final class WebhookAddresses implements Function<String, String> {

    private final boolean allowPrivate;

    public WebhookAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    @Override
    public String apply(String host) {
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "its host " + host + " is unknown";
        }
        for (InetAddress address : addresses) {
            String kind = PublicAddressGuard.nonPublicKind(address);
            if (kind != null) {
                return "its host " + host + " resolves to " + address.getHostAddress() + ", " + kind
                        + "; webhooks are only sent to public addresses";
            }
        }
        return null;
    }
}
