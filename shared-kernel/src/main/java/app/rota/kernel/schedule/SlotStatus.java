package app.rota.kernel.schedule;

public enum SlotStatus { OPEN, ASSIGNED, SWAP_PENDING, COVERAGE_REQUESTED, GAP }
