package app.rota.kernel.common;

/** Who did something, as a history shows it: their name, the role they acted in, the channel. */
public record ActorRef(String name, String role, String source) {
}
