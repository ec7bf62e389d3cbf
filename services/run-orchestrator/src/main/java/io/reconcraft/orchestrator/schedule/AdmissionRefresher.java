package io.reconcraft.orchestrator.schedule;

import io.reconcraft.orchestrator.admission.RunAdmission;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import org.springframework.stereotype.Component;

/** Keeps admission true to the store: the running count, and queued runs left from before a restart. */
@Component
public class AdmissionRefresher extends PeriodicTask {

    private final RunAdmission admission;

    public AdmissionRefresher(RunAdmission admission, OrchestratorProperties properties) {
        super("admission-refresher", properties.admissionRefreshInterval());
        this.admission = admission;
    }

    @Override
    protected void runOnce() {
        admission.refresh();
    }
}
