package app.rota.command.tables;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the super admin: rebuild the command side's tables from the event store (after a restore, or to check them). */
@RestController
@RequestMapping("/api/v1/admin/command-tables")
@Tag(name = "Administration")
@PreAuthorize("hasRole('SUPER_ADMIN')")
class CommandTablesController {

    private final CommandTables tables;

    CommandTablesController(CommandTables tables) {
        this.tables = tables;
    }

    @PostMapping("/rebuild")
    CommandTables.Rebuilt rebuild() {
        return tables.rebuild();
    }
}
