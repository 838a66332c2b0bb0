package jp.sapphire.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test module only: signs in whichever member a test names through
 * {@code SecurityContext.authenticate}, producing the same {@code SapphirePrincipal} the
 * OpenID Connect sign-in produces, through the same container path.
 */
@ApplicationScoped
public class TestAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof MemberCredential member) {
            return context.notifyContainerAboutLogin(member.principal(), member.roles());
        }
        return context.doNothing();
    }
}
