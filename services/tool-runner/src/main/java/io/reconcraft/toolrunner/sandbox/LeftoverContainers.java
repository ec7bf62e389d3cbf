package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, removes tool containers that a crashed runner left behind; without an engine it only says so. */
@Component
@RequiredArgsConstructor
public class LeftoverContainers {

    private static final Logger log = LoggerFactory.getLogger(LeftoverContainers.class);

    private final DockerEngine engine;
    private final ContainerLabels labels;

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (!engine.reachable()) {
            log.warn("no container engine answers at {}: live tool steps will fail with sandbox_unavailable "
                    + "until it does (demo runs are not affected)", engine.host());
            return;
        }
        try {
            int removed = removeLeftovers();
            if (removed > 0) {
                log.info("removed {} leftover tool container(s) of a previous runner", removed);
            }
        } catch (RuntimeException e) {
            log.warn("leftover tool containers could not be listed: {}", DockerEngine.describe(e));
        }
    }

    /** Removes every leftover managed container; returns how many were removed. */
    public int removeLeftovers() {
        List<Container> managed = engine.control().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MANAGED, "true"))
                .exec();
        int removed = 0;
        for (Container container : managed) {
            if (labels.isLeftover(container.getLabels()) && remove(container.getId())) {
                removed++;
            }
        }
        return removed;
    }

    private boolean remove(String containerId) {
        try {
            engine.control().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (RuntimeException e) {
            log.warn("leftover container {} could not be removed: {}", containerId, DockerEngine.describe(e));
            return false;
        }
    }
}
