package app.rota.kernel.swap;

import java.util.List;

public record SwapPage(List<SwapResponse> items, int page, int size, long total) {
}
