package app.rota.ops.admin;

import app.rota.kernel.common.Paging;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.ops.axon.DeadLetters;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The projections' dead letters, for the super admin: list them, and retry once the cause is mended. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Administration")
@PreAuthorize("hasRole('SUPER_ADMIN')")
class DeadLetterController {

    static final int MAX_PAGE_SIZE = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    DeadLetters.Page list(@RequestParam(required = false) String processor,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (processor != null && !deadLetters.processors().contains(processor)) {
            throw new RotaException(ErrorCode.NOT_FOUND, "processor", "No processor '" + processor + "' with a dead-letter queue.");
        }
        Paging.check(page, size, MAX_PAGE_SIZE);
        return deadLetters.list(processor, page, size);
    }

    @PostMapping("/{processor}/retry")
    DeadLetters.RetryResult retry(@PathVariable String processor) {
        return deadLetters.retry(processor);
    }
}
