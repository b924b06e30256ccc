package app.rota.ops.web;

import app.rota.kernel.common.SaneDates;
import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * How the API reads JSON, configured once for every endpoint: no silent coercion and nothing stored
 * that Rota would not accept.
 * <ul>
 *   <li>A value of the wrong JSON type is refused, never converted: a number or boolean where text is
 *   expected, {@code "true"} or {@code 2} where a boolean is, a fraction where an integer is, a number
 *   where a date is; and java.time values are read strictly (a date-time is not a date).</li>
 *   <li>Text carries no control characters (tabs and line breaks aside, which single-line fields refuse
 *   in the domain) and at most {@link Text#MAX_ANY_TEXT} characters: {@code TEXT_INVALID} and
 *   {@code TEXT_TOO_LONG}, with the field.</li>
 *   <li>Dates and instants fall within {@link SaneDates}: {@code DATE_OUT_OF_RANGE}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** A value the edge refuses, with the code to answer; Jackson adds the field path on its way out. */
    static final class RefusedValueException extends MismatchedInputException {

        private final transient ErrorCode code;

        RefusedValueException(JsonParser parser, ErrorCode code, String message) {
            super(parser, message);
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultLeniency(false)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("rota-strict-values").setDeserializerModifier(new CheckedValues()));
    }

    /** Wraps the deserializers of text and of dates and instants in the checks above. */
    private static final class CheckedValues extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            if (type == String.class || type == LocalDate.class || type == Instant.class
                    || type == OffsetDateTime.class || type == ZonedDateTime.class) {
                return new Checked(deserializer);
            }
            return deserializer;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return check(p, super.deserialize(p, ctxt));
        }

        private static Object check(JsonParser p, Object value) {
            if (value instanceof String text) {
                if (text.length() > Text.MAX_ANY_TEXT) {
                    throw new RefusedValueException(p, ErrorCode.TEXT_TOO_LONG,
                            "Text has at most " + Text.MAX_ANY_TEXT + " characters.");
                }
                if (Text.hasForbiddenCharacter(text, false)) {
                    throw new RefusedValueException(p, ErrorCode.TEXT_INVALID, "Text must not contain control characters.");
                }
            }
            Instant instant = value instanceof Instant i ? i
                    : value instanceof OffsetDateTime o ? o.toInstant()
                    : value instanceof ZonedDateTime z ? z.toInstant() : null;
            boolean sane = value instanceof LocalDate date ? SaneDates.isSane(date) : instant == null || SaneDates.isSane(instant);
            if (!sane) {
                throw new RefusedValueException(p, ErrorCode.DATE_OUT_OF_RANGE,
                        "Dates fall in the years " + SaneDates.FIRST_YEAR + " to " + SaneDates.LAST_YEAR + ".");
            }
            return value;
        }
    }
}
