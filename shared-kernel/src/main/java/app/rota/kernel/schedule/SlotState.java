package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

/** A slot as the command side knows it: what an edit answers, and what a 409 carries as current state. */
public record SlotState(SlotKey slot, MemberId assignee, long version) {
}
