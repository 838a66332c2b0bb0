package jp.sapphire.operator.cli;

import java.io.PrintWriter;
import java.io.StringReader;
import java.util.Map;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A console's answer, printed: a JSON object (the tenant console) as indented lines of
 * {@code name: value} for people or as it is for scripts; text and lines of text as they are for
 * people, or as {@code {"answer": ...}} / {@code {"lines": [...]}} for scripts.
 */
final class Output {

    private Output() {
    }

    static void print(PrintWriter out, Object answer, boolean json) {
        if (answer instanceof String[] lines) {
            if (json) {
                var array = Json.createArrayBuilder();
                for (String line : lines) {
                    array.add(line);
                }
                out.println(Json.createObjectBuilder().add("lines", array).build());
            } else {
                for (String line : lines) {
                    out.println(line);
                }
            }
            return;
        }
        String text = answer == null ? "" : answer.toString();
        if (text.startsWith("{")) {
            if (json) {
                out.println(text);
            } else {
                try (JsonReader reader = Json.createReader(new StringReader(text))) {
                    words(out, reader.readObject(), "");
                }
            }
        } else if (json) {
            out.println(Json.createObjectBuilder().add("answer", text).build());
        } else {
            out.println(text);
        }
        out.flush();
    }

    private static void words(PrintWriter out, JsonObject object, String indent) {
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            JsonValue value = field.getValue();
            if (value instanceof JsonObject inner) {
                out.println(indent + field.getKey() + ":");
                words(out, inner, indent + "  ");
            } else if (value instanceof JsonArray list) {
                out.println(indent + field.getKey() + ":");
                for (JsonValue item : list) {
                    if (item instanceof JsonObject element) {
                        out.println(indent + "  -");
                        words(out, element, indent + "    ");
                    } else {
                        out.println(indent + "  - " + plain(item));
                    }
                }
            } else {
                out.println(indent + field.getKey() + ": " + plain(value));
            }
        }
    }

    private static String plain(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value == JsonValue.NULL ? "-" : value.toString();
    }
}
