package app.rota.query.replay;

import app.rota.kernel.admin.Replays.Replay;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the super admin: rebuild a projection from the first event while it keeps serving; progress in GET /admin/projections. */
@RestController
@Tag(name = "Administration")
@PreAuthorize("hasRole('SUPER_ADMIN')")
class ReplayController {

    record Started(String name, String status) {
    }

    private final ProjectionRebuilds rebuilds;

    ReplayController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/v1/admin/projections/{name}/replay")
    ResponseEntity<Started> replay(@PathVariable String name) {
        Replay started = rebuilds.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(started.name(), started.status()));
    }
}
