package jp.sapphire.platform.view;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import jp.sapphire.identity.view.CurrentMember;

/**
 * The language of every view, decided once when the view is made: the signed-in member's own
 * language; before sign-in the browser's first supported one; Japanese when neither says.
 * Never the server's default locale.
 */
public class MemberLocaleViewHandler extends ViewHandlerWrapper {

    public MemberLocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        CurrentMember member = context.getApplication().evaluateExpressionGet(context, "#{member}", CurrentMember.class);
        if (member.isSignedIn()) {
            return supported(context, member.getLocale()).orElse(Locale.JAPANESE);
        }
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        return request.getHeader("Accept-Language") == null ? Locale.JAPANESE
                : Collections.list(request.getLocales()).stream()
                        .map(wanted -> supported(context, wanted))
                        .flatMap(Optional::stream)
                        .findFirst().orElse(Locale.JAPANESE);
    }

    private static Optional<Locale> supported(FacesContext context, Locale wanted) {
        if (wanted.getLanguage().equals(Locale.JAPANESE.getLanguage())) {
            return Optional.of(Locale.JAPANESE);
        }
        var supported = context.getApplication().getSupportedLocales();
        while (supported.hasNext()) {
            Locale locale = supported.next();
            if (locale.getLanguage().equals(wanted.getLanguage())) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }
}
