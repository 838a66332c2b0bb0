package jp.sapphire.platform.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day as {@code yyyy-MM-dd}, the way an {@code <input type="date">} sends it. Blank is no day;
 * anything else is refused next to the field with the text of {@code sapphire.form.date}.
 */
@FacesConverter("sapphire.localDate")
public class LocalDateConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADay) {
            throw FacesProblems.unreadable(context, "sapphire.form.date");
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : value.toString();
    }
}
