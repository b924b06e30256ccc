package app.rota.kernel.directory;

import java.util.List;

public record ShiftTypesResponse(List<ShiftTypeEntry> shiftTypes) {
}
