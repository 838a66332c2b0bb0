package jp.sapphire.platform.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.util.regex.Pattern;

/**
 * A whole number of 0 or more as people type it, thousands separators allowed ({@code 50,000}),
 * of at most 15 digits so that any such number fits a {@code long}. Blank is no number; anything
 * else is refused next to the field with the text of {@code sapphire.form.number}.
 */
@FacesConverter("sapphire.wholeNumber")
public class WholeNumberConverter implements Converter<Long> {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip().replace(",", "");
        if (!DIGITS.matcher(digits).matches()) {
            throw FacesProblems.unreadable(context, "sapphire.form.number");
        }
        return Long.valueOf(digits);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        return value == null ? "" : value.toString();
    }
}
