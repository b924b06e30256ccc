package app.rota.kernel.coverage;

import java.util.List;

public record CoverageRequestPage(List<CoverageRequestResponse> items, int page, int size, long total) {
}
