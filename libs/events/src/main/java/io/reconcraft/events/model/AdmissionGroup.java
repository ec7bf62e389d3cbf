package io.reconcraft.events.model;

/**
 * Runs wait for admission in one queue per group, and the groups are served in turn: a group is who asked for the
 * run and how, so one submitter's backlog does not hold back another's runs, and a schedule's backlog does not
 * hold back the same person's runs started by hand. Within a group, runs start in the order they were accepted.
 */
public final class AdmissionGroup {

    private AdmissionGroup() {
    }

    public static String of(String requestedBy, RunTrigger trigger) {
        String who = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        return who + "/" + (trigger == null ? RunTrigger.Type.API : trigger.type()).wireName();
    }
}
