package dev.vouch.jobs.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The one place jobs turn values into JSON: indented for files (manifests, snapshot.json, metrics.json), one line for
 * {@code --json}. Record components are written in snake_case, like every hand-named key, and NaN or an infinity is
 * written as null: JSON has no NaN.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull()));
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonText() {}

    public static String pretty(Object value) {
        return write(PRETTY, value);
    }

    /** One JSON object on one line, as {@code --json} prints it. */
    public static String oneLine(Object value) {
        return write(MAPPER.writer(), value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static final class FiniteOrNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(v)) {
                gen.writeNumber(v);
            } else {
                gen.writeNull();
            }
        }
    }
}
