package jp.sapphire.it;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;

/** Signs the current test request in as a member, or out again. */
@RequestScoped
public class TestSignIn {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    /** Signs in as an employee (the role every member of the tests' tenants holds). */
    public void as(SapphirePrincipal member) {
        as(member, Role.EMPLOYEE);
    }

    public void as(SapphirePrincipal member, Role... roles) {
        signOut();
        HttpServletResponse response = (HttpServletResponse) request.getAttribute(ResponseCapture.ATTRIBUTE);
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(new MemberCredential(member,
                Arrays.stream(roles).map(Role::name).collect(Collectors.toSet()))));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("Test sign-in failed: " + status);
        }
    }

    public void signOut() {
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }
}
