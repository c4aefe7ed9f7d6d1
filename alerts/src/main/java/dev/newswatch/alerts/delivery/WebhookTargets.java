package dev.newswatch.alerts.delivery;

import java.util.Optional;

import dev.newswatch.common.events.WebhookTarget;

/** The webhooks of the watches in force, as they are when an alert change is read. */
public interface WebhookTargets {

    /** The webhook of that watch; empty for a watch without one. */
    Optional<WebhookTarget> of(String watchId);

    /** Whether some watch has a webhook: while none has, no alert change needs to be read, let alone sent. */
    boolean any();
}
