package jp.sapphire.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * Query parameters read as text and converted here, so that a value that is not a date or a
 * number is answered with 422 naming the parameter, rather than JAX-RS' bare 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A day as yyyy-mm-dd, or {@code null} when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw new InvalidInputException(InputProblem.of(name, "sapphire.api.date.format"));
        }
    }

    /** An id (UUID), or {@code null} when absent. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidInputException(InputProblem.of(name, "sapphire.api.uuid.format"));
        }
    }

    /** A whole number, or {@code null} when absent. */
    public static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(InputProblem.of(name, "sapphire.api.number.format"));
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code absent} when not given. */
    public static int whole(String name, String value, int absent, int min, int max) {
        Long number = number(name, value);
        if (number == null) {
            return absent;
        }
        if (number < min || number > max) {
            throw new InvalidInputException(new InputProblem(name, "sapphire.api.number.range", Map.of("min", min, "max", max)));
        }
        return number.intValue();
    }

    /** One of an enum's constants, named in any case ({@code yayoi} for YAYOI), or {@code null} when absent. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new InvalidInputException(InputProblem.of(name, "sapphire.api.choice", "values",
                Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" / "))));
    }
}
