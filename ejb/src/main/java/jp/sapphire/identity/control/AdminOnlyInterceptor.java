package jp.sapphire.identity.control;

import jakarta.annotation.Priority;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.tenant.control.TenantContext;

/** Lets through a signed-in {@code TENANT_ADMIN}, or provider work for one tenant; refuses everyone else. */
@AdminOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AdminOnlyInterceptor {

    @Inject
    Caller signedIn;

    @Inject
    TenantContext tenants;

    @Inject
    SecurityContext security;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        boolean provider = signedIn.member().isEmpty() && tenants.currentTenant().isPresent();
        if (!provider && !security.isCallerInRole(Role.TENANT_ADMIN.name())) {
            throw new EJBAccessException(invocation.getMethod().getName() + " is for tenant administrators only");
        }
        return invocation.proceed();
    }
}
