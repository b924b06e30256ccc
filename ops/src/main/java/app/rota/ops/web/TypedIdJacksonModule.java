package app.rota.ops.web;

import app.rota.kernel.common.TypedId;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.swap.SwapId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import java.util.UUID;
import java.util.function.Function;

/**
 * Typed ids read and write as their plain UUID string, both in the REST API and in stored events
 * (the Axon serializer gets this module too), e.g. {@code "groupId": "5f0c…"}.
 */
public class TypedIdJacksonModule extends SimpleModule {

    public TypedIdJacksonModule() {
        super("rota-typed-ids");
        addSerializer(TypedId.class, new StdScalarSerializer<>(TypedId.class) {
            @Override
            public void serialize(TypedId id, JsonGenerator generator, SerializationContext context) {
                generator.writeString(id.value().toString());
            }
        });
        register(GroupId.class, GroupId::new);
        register(MemberId.class, MemberId::new);
        register(ShiftTypeId.class, ShiftTypeId::new);
        register(SwapId.class, SwapId::new);
        register(CoverageRequestId.class, CoverageRequestId::new);
        register(RotationId.class, RotationId::new);
        register(TimeOffId.class, TimeOffId::new);
    }

    private <T extends TypedId> void register(Class<T> type, Function<UUID, T> factory) {
        addDeserializer(type, new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                String text = parser.getValueAsString();
                try {
                    return factory.apply(UUID.fromString(text));
                } catch (IllegalArgumentException | NullPointerException e) {
                    return (T) context.handleWeirdStringValue(type, text, "not a UUID");
                }
            }
        });
    }
}
