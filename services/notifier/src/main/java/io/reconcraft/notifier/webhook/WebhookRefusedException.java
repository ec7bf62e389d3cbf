package io.reconcraft.notifier.webhook;

/** A webhook URL the notifier will not call; the message says why and never contains the URL. */
public class WebhookRefusedException extends RuntimeException {

    public WebhookRefusedException(String reason) {
        super(reason);
    }
}
