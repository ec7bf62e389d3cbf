package io.reconcraft.gateway.schedules;

import io.reconcraft.gateway.run.RunView;
import java.security.Principal;
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

/** Recurring runs. Roles and the audit of every change come from the gateway's security and audit filters. */
@RestController
@RequestMapping("/api/schedules")
@RequiredArgsConstructor
public class ScheduleController {

    private final ScheduleService schedules;

    @GetMapping
    public Flux<Schedule> list() {
        return schedules.list();
    }

    @GetMapping("/{id}")
    public Mono<Schedule> get(@PathVariable String id) {
        return schedules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Schedule> create(@RequestBody ScheduleInput input, Principal principal) {
        return schedules.create(input, principal.getName());
    }

    @PutMapping("/{id}")
    public Mono<Schedule> update(@PathVariable String id, @RequestBody ScheduleInput input) {
        return schedules.update(id, input);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String id) {
        return schedules.delete(id);
    }

    @PostMapping("/{id}/trigger")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<RunView> trigger(@PathVariable String id, Principal principal) {
        return schedules.trigger(id, principal.getName());
    }
}
