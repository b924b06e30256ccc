package app.rota.kernel.rotation;

import app.rota.kernel.group.GroupId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A rotation run over {@code from}..{@code to} assigned each member their {@code shares} (members who got
 * nothing are not listed) and left {@code leftOpen} slots open. The slot assignments themselves are
 * separate {@code SlotAssignedEvent}s, carrying {@link RotationId#METADATA_KEY} in their metadata.
 */
@Revision("1")
public record RotationPublishedEvent(RotationId rotationId, GroupId groupId, LocalDate from, LocalDate to,
                                     List<RotationShare> shares, int leftOpen) {
}
