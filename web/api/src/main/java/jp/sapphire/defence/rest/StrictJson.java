package jp.sapphire.defence.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.PlainText;

/**
 * Every JSON body is read strictly before JSON-B binds it (whitepaper §15): at most
 * {@link #MAX_BYTES}, nested at most {@link #MAX_DEPTH} deep, no key twice in an object, no
 * control character in any string, no string longer than {@link #MAX_STRING}; and each value of
 * the type its field declares — a whole number in range where the field is a whole number (yen
 * amounts: {@code 1.5} and {@code 1e3} are refused, never rounded), {@code true} or {@code false}
 * for a yes/no field (no word ever counts as one), a date as yyyy-mm-dd, an id as a UUID, one of
 * the named values for a choice. What is wrong is answered 422 naming each field, and nothing of the
 * request runs; what is not JSON at all is answered 400 naming the place.
 */
@Provider
public class StrictJson implements ReaderInterceptor {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_STRING = 100_000;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = readBounded(context.getInputStream());
        List<InputProblem> problems = new ArrayList<>();
        if (body.length > 0) {
            try (JsonParser parser = Json.createParser(new InputStreamReader(new ByteArrayInputStream(body),
                    StandardCharsets.UTF_8))) {
                if (parser.hasNext()) {
                    check(parser, parser.next(), context.getGenericType(), "", 1, problems);
                }
                if (parser.hasNext()) {
                    parser.next();
                    throw malformed(parser.getLocation());
                }
            } catch (JsonParsingException broken) {
                throw malformed(broken.getLocation());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new BodyTooLarge(MAX_BYTES);
        }
        return body;
    }

    private static MalformedBody malformed(JsonLocation at) {
        return new MalformedBody(new InputProblem("body", "sapphire.api.json.malformed",
                Map.of("line", at == null ? 0 : at.getLineNumber(), "column", at == null ? 0 : at.getColumnNumber())));
    }

    /** Checks the value that starts with {@code event} against {@code type}; consumes it whole. */
    private static void check(JsonParser parser, JsonParser.Event event, Type type, String field, int depth,
                              List<InputProblem> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(InputProblem.of(field.isEmpty() ? "body" : field, "sapphire.api.json.too-deep", "max", MAX_DEPTH));
            skip(parser, event);
            return;
        }
        Class<?> raw = raw(type);
        if (event == JsonParser.Event.VALUE_NULL) {
            if (raw.isPrimitive()) {
                problems.add(InputProblem.of(field, "sapphire.api.number.format"));
            }
            return;
        }
        if (event == JsonParser.Event.VALUE_STRING) {
            checkString(parser.getString(), field, problems);
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            boolean whole = event == JsonParser.Event.VALUE_NUMBER && parser.isIntegralNumber() && inRange(parser, raw);
            if (!whole) {
                problems.add(InputProblem.of(field, "sapphire.api.number.format"));
            }
            skip(parser, event);
        } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            expect(event == JsonParser.Event.VALUE_NUMBER, parser, event, field, "sapphire.api.decimal.format", problems);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(event == JsonParser.Event.VALUE_TRUE || event == JsonParser.Event.VALUE_FALSE, parser, event, field,
                    "sapphire.api.boolean.format", problems);
        } else if (raw == String.class) {
            expect(event == JsonParser.Event.VALUE_STRING, parser, event, field, "sapphire.api.text.format", problems);
        } else if (raw == LocalDate.class) {
            expect(event == JsonParser.Event.VALUE_STRING && parses(parser.getString(), LocalDate::parse), parser, event,
                    field, "sapphire.api.date.format", problems);
        } else if (raw == UUID.class) {
            expect(event == JsonParser.Event.VALUE_STRING && parses(parser.getString(), UUID::fromString), parser, event,
                    field, "sapphire.api.uuid.format", problems);
        } else if (raw.isEnum()) {
            Set<String> names = Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (event != JsonParser.Event.VALUE_STRING || !names.contains(parser.getString())) {
                problems.add(InputProblem.of(field, "sapphire.api.enum.format", "values", String.join(", ", names)));
            }
            skip(parser, event);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (event != JsonParser.Event.START_OBJECT) {
                problems.add(InputProblem.of(field, "sapphire.api.object.format"));
                skip(parser, event);
                return;
            }
            Type values = argument(type, 1);
            members(parser, field, depth, problems, key -> values);
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (event != JsonParser.Event.START_ARRAY) {
                problems.add(InputProblem.of(field, "sapphire.api.list.format"));
                skip(parser, event);
                return;
            }
            Type elements = argument(type, 0);
            int index = 0;
            for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                check(parser, next, elements, field + "[" + index++ + "]", depth + 1, problems);
            }
        } else if (raw.isRecord()) {
            if (event != JsonParser.Event.START_OBJECT) {
                problems.add(InputProblem.of(field.isEmpty() ? "body" : field, "sapphire.api.object.format"));
                skip(parser, event);
                return;
            }
            Map<String, Type> components = Arrays.stream(raw.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
            members(parser, field, depth, problems, components::get);
        } else {
            skip(parser, event);
        }
    }

    /** The members of an object; each named one checked against its type, the others only for what any JSON must be. */
    private static void members(JsonParser parser, String field, int depth, List<InputProblem> problems,
                                java.util.function.Function<String, Type> typeOf) {
        Set<String> seen = new HashSet<>();
        for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
            String key = parser.getString();
            String path = field.isEmpty() ? key : field + "." + key;
            checkString(key, path, problems);
            if (!seen.add(key)) {
                problems.add(InputProblem.of(path, "sapphire.api.json.duplicate"));
            }
            JsonParser.Event value = parser.next();
            Type type = typeOf.apply(key);
            check(parser, value, type == null ? Object.class : type, path, depth + 1, problems);
        }
    }

    private static void checkString(String text, String field, List<InputProblem> problems) {
        if (text.length() > MAX_STRING) {
            problems.add(InputProblem.of(field, "sapphire.api.json.too-long", "max", MAX_STRING));
        } else if (!PlainText.isPlain(text)) {
            problems.add(InputProblem.of(field, "sapphire.text.control"));
        }
    }

    private static void expect(boolean fits, JsonParser parser, JsonParser.Event event, String field, String message,
                               List<InputProblem> problems) {
        if (!fits) {
            problems.add(InputProblem.of(field, message));
        }
        skip(parser, event);
    }

    private static boolean inRange(JsonParser parser, Class<?> raw) {
        BigDecimal number = parser.getBigDecimal();
        boolean isInt = raw == Integer.class || raw == int.class;
        return number.compareTo(BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE)) <= 0;
    }

    private static boolean parses(String text, java.util.function.Function<String, ?> parse) {
        try {
            parse.apply(text);
            return true;
        } catch (DateTimeParseException | IllegalArgumentException wrong) {
            return false;
        }
    }

    /** Consumes the rest of a value that began with {@code event}, checking the strings and depth inside. */
    private static void skip(JsonParser parser, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            int open = 1;
            while (open > 0) {
                JsonParser.Event next = parser.next();
                if (next == JsonParser.Event.START_OBJECT || next == JsonParser.Event.START_ARRAY) {
                    open++;
                    if (open > MAX_DEPTH) {
                        throw new InvalidInputException(List.of(InputProblem.of("body", "sapphire.api.json.too-deep",
                                "max", MAX_DEPTH)));
                    }
                } else if (next == JsonParser.Event.END_OBJECT || next == JsonParser.Event.END_ARRAY) {
                    open--;
                }
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments().length > index
                ? generic.getActualTypeArguments()[index] : Object.class;
    }

    /** A body that is not JSON at all: 400, naming where it stops being JSON. */
    public static final class MalformedBody extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InputProblem problem;

        MalformedBody(InputProblem problem) {
            super("the body is not JSON");
            this.problem = problem;
        }

        public InputProblem problem() {
            return problem;
        }
    }

    /** A body beyond the limit: 413, before any of it is parsed. */
    public static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int max;

        public BodyTooLarge(int max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }
}
