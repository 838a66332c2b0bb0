package jp.sapphire.platform.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.ConverterException;
import java.text.MessageFormat;
import java.util.Map;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.Refusal;

/**
 * Shows what a boundary refused next to the field it concerns, in the view's language: each
 * problem's field is looked up in a map of field name → client id; problems without a field on
 * the page go to the page's general messages. Converters refuse input with the same texts.
 */
public final class FacesProblems {

    private FacesProblems() {
    }

    public static void show(InvalidInputException invalid, Map<String, String> clientIds) {
        invalid.problems().forEach(problem -> show(problem, clientIds));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public static void show(Refusal conflict) {
        show(conflict.problem(), Map.of());
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** What one of several things could not do: "subject: reason", for the whole page. */
    public static void show(Refusal refusal, String subject) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = subject + ": " + Messages.text(refusal.problem(), faces.getViewRoot().getLocale());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** A confirmation from the page's own bundle ({@code msg}), with MessageFormat arguments. */
    public static void confirm(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        String text = arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** A message for the whole page, from the ValidationMessages bundle. */
    public static void general(String messageKey) {
        show(InputProblem.of("", messageKey), Map.of());
    }

    /** What a boundary did but asks the member to look at again (a possible duplicate), for the whole page. */
    public static void warn(InputProblem warning) {
        String text = text(warning);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
    }

    /** A problem in the words of the page's language. */
    public static String text(InputProblem problem) {
        return Messages.text(problem, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /**
     * What a converter throws for input it cannot read: the text of {@code messageKey} from the
     * ValidationMessages bundle, which Faces shows next to the field.
     */
    public static ConverterException unreadable(FacesContext faces, String messageKey) {
        String text = Messages.text(messageKey, faces.getViewRoot().getLocale());
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    private static void show(InputProblem problem, Map<String, String> clientIds) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Messages.text(problem, faces.getViewRoot().getLocale());
        faces.addMessage(clientIds.get(problem.field()), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
