package io.reconcraft.notifier.webhook;

/** What became of one webhook call: delivered with the HTTP status, or not, with a reason fit to show. */
public record DeliveryResult(boolean delivered, int httpStatus, String reason) {

    public static DeliveryResult delivered(int httpStatus) {
        return new DeliveryResult(true, httpStatus, null);
    }

    public static DeliveryResult failed(int httpStatus, String reason) {
        return new DeliveryResult(false, httpStatus, reason);
    }
}
