package app.rota.ops.axon;

import app.rota.kernel.member.TimeOffDeclaredEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a {@link TimeOffDeclaredEvent} of revision 1 (stored before time off had ids) as revision 2, its
 * {@code timeOffId} being the identifier of the event message it was stored under: that identifier when it is a
 * UUID (Axon's always are), else the MD5 of {@code "time-off:" + identifier} read as a UUID. Every reader (the
 * member's aggregate, the command tables, the projections, a rebuild) so sees the same id for the same
 * declaration, and migration V22 gives the command tables' existing rows the same ids in SQL.
 */
@Component
class TimeOffIdUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TimeOffDeclaredEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TimeOffDeclaredEvent.class.getName(), "2");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String timeOffId = idOfDeclarationStoredAs(representation.getMessageIdentifier()).toString();
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> payload.put("timeOffId", timeOffId));
    }

    static UUID idOfDeclarationStoredAs(String eventIdentifier) {
        if (UUID_TEXT.matcher(eventIdentifier).matches()) {
            return UUID.fromString(eventIdentifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(("time-off:" + eventIdentifier).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
