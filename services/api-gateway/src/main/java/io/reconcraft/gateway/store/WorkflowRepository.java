package io.reconcraft.gateway.workflow;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface WorkflowRepository extends ReactiveMongoRepository<Workflow, String> {
}
