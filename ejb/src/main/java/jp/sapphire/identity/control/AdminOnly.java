package jp.sapphire.identity.control;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boundary (or method) only the tenant's administrators may call — or the provider, working
 * for one tenant with nobody signed in (the demo seed, an operator's onboarding, test fixtures).
 * This makes the console's boundaries the one write path of the masters they change.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {
}
