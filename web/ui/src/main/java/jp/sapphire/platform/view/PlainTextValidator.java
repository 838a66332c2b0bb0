package jp.sapphire.platform.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.PlainText;

/**
 * A default validator of every input of every page (faces-config.xml): text with a control
 * character (a NUL pasted from somewhere, an escape sequence) is refused next to its field, and
 * nothing of the form is stored.
 */
@FacesValidator("sapphire.plainText")
public class PlainTextValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof CharSequence text && !PlainText.isPlain(text)) {
            String message = Messages.text("sapphire.text.control", context.getViewRoot().getLocale());
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
    }
}
