package io.reconcraft.gateway.workflow;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/workflows")
@RequiredArgsConstructor
public class WorkflowController {

    private final WorkflowService workflows;

    @GetMapping
    public Flux<Workflow> list() {
        return workflows.list().map(WorkflowSecrets::masked);
    }

    @GetMapping("/{id}")
    public Mono<Workflow> get(@PathVariable String id) {
        return workflows.get(id).map(WorkflowSecrets::masked);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Workflow> create(@RequestBody WorkflowInput input) {
        return workflows.create(input).map(WorkflowSecrets::masked);
    }

    @PutMapping("/{id}")
    public Mono<Workflow> update(@PathVariable String id, @RequestBody WorkflowInput input) {
        return workflows.update(id, input).map(WorkflowSecrets::masked);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String id) {
        return workflows.delete(id);
    }

    @PostMapping("/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Workflow> duplicate(@PathVariable String id) {
        return workflows.duplicate(id).map(WorkflowSecrets::masked);
    }
}
