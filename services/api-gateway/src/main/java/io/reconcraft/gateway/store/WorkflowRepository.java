package io.reconcraft.gateway.store;

import io.reconcraft.gateway.workflow.Workflow;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface WorkflowRepository extends ReactiveMongoRepository<Workflow, String> {
}
