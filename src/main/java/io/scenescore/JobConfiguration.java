package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

import io.scenescore.job.AudioParams;
import io.scenescore.job.JobRequests;
import io.scenescore.status.StatusCache;
import io.scenescore.status.StatusChanges;
import io.scenescore.status.StatusDocuments;
import io.scenescore.store.Database;
import io.scenescore.webhook.WebhookAddresses;

/** Jobs as the API and the file drop read them (with the operator's audio_params defaults) and their status document. */
public class JobConfiguration implements CamelConfiguration {

    @PropertyInject(value = "scenescore.defaults.fade-duration", defaultValue = "1.0")
    private double defaultFadeSeconds;
    @PropertyInject(value = "scenescore.allow-private-urls", defaultValue = "false")
    private boolean allowPrivateUrls;
    @PropertyInject(value = "scenescore.status.cache-max-age-ms", defaultValue = "10000")
    private long statusMaxAgeMs;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        // a webhook_url's host passes the public-address guard of video_url (WebhookAddresses)
        registry.bind("jobRequests", new JobRequests(operatorDefaults(), new WebhookAddresses(allowPrivateUrls)));
        registry.bind("statusDocuments", new StatusDocuments());
        // pollers are answered from memory while PostgreSQL announces no change of their job (migration V11)
        StatusCache cache = new StatusCache(statusMaxAgeMs);
        registry.bind("statusCache", cache);
        Database database = registry.lookupByNameAndType("database", Database.class);
        if (database == null) {
            // no database opened (a route test): the cache never listens, so it never serves
            return;
        }
        camelContext.addService(new StatusChanges(cache, () -> database.connectApart(StatusChanges.LISTENER),
                camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "status-changes")), true, true);
    }

    /** The audio_params a run gets for what its request leaves out, as the operator set them. */
    private AudioParams operatorDefaults() {
        try {
            return AudioParams.defaults().withFadeDuration(defaultFadeSeconds);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("scenescore.defaults.fade-duration: " + e.getMessage());
        }
    }
}
