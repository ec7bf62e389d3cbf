package io.reconcraft.notifier.store;

import io.reconcraft.notifier.delivery.Delivery;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps deliveries to and from their stored form. */
final class DeliveryDocuments {

    private DeliveryDocuments() {
    }

    static Document toDocument(Delivery d) {
        Document doc = new Document("_id", d.id())
                .append("kind", d.kind().name())
                .append("runId", d.runId())
                .append("channel", d.channel())
                .append("webhookUrl", d.webhookUrl())
                .append("body", d.body())
                .append("message", d.message())
                .append("status", d.status().name())
                .append("attempts", d.attempts())
                .append("dueAt", Date.from(d.dueAt()))
                .append("deadline", Date.from(d.deadline()))
                .append("lastError", d.lastError())
                .append("httpStatus", d.httpStatus())
                .append("startedReported", d.startedReported())
                .append("notificationId", d.notificationId())
                .append("createdAt", new Date());
        if (d.step() != null) {
            doc.append("step", new Document("stepId", d.step().stepId()).append("nodeId", d.step().nodeId())
                    .append("attempt", d.step().attempt()));
        }
        if (d.outcome() != null) {
            doc.append("outcome", outcome(d.outcome()));
        }
        if (d.awaiting() != null) {
            doc.append("awaiting", new Document("request", d.awaiting().request())
                    .append("until", Date.from(d.awaiting().until())));
        }
        return doc;
    }

    static Document outcome(Delivery.Outcome o) {
        return new Document("succeeded", o.succeeded()).append("delivered", o.delivered()).append("code", o.code())
                .append("error", o.error()).append("logLines", o.logLines());
    }

    @SuppressWarnings("unchecked")
    static Delivery fromDocument(Document doc) {
        Document step = doc.get("step", Document.class);
        Document outcome = doc.get("outcome", Document.class);
        Document awaiting = doc.get("awaiting", Document.class);
        String id = doc.getString("_id");
        String runId = doc.getString("runId");
        String channel = doc.getString("channel");
        Delivery.Builder delivery = Delivery.Kind.valueOf(doc.getString("kind")) == Delivery.Kind.STEP
                ? Delivery.forStep(id, runId, channel, step == null ? null : new Delivery.StepRef(
                        step.getString("stepId"), step.getString("nodeId"), step.getInteger("attempt", 0)))
                : Delivery.forNotification(id, runId, channel, doc.getString("notificationId"));
        return delivery.webhookUrl(doc.getString("webhookUrl")).content(doc.getString("body"), doc.getString("message"))
                .window(instant(doc.getDate("dueAt")), instant(doc.getDate("deadline")))
                .decided(outcome == null ? null : new Delivery.Outcome(outcome.getBoolean("succeeded", false),
                        outcome.getBoolean("delivered", false), outcome.getString("code"), outcome.getString("error"),
                        (List<String>) outcome.get("logLines")))
                .awaiting(awaiting == null ? null : new Delivery.Awaiting(awaiting.getString("request"),
                        instant(awaiting.getDate("until"))))
                .progress(Delivery.Status.valueOf(doc.getString("status")), doc.getInteger("attempts", 0),
                        doc.getString("lastError"), doc.getInteger("httpStatus", 0),
                        doc.getBoolean("startedReported", false))
                .build();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
