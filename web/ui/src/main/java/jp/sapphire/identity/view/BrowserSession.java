package jp.sapphire.identity.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.sapphire.identity.boundary.SignedIn;
import jp.sapphire.identity.control.PendingSignIn;

/**
 * What SAPPHIRE keeps in a browser's HTTP session about identity: the signed-in member (with the
 * ID token and issuer, for sign-out at the IdP) and the sign-ins still out at an IdP.
 */
final class BrowserSession {

    /** The member of this browser session. */
    record Member(SignedIn signedIn, String issuer, String idToken) implements Serializable {
    }

    private static final String MEMBER = BrowserSession.class.getName() + ".member";
    private static final String PENDING = BrowserSession.class.getName() + ".pending";
    private static final String IMPERSONATOR = BrowserSession.class.getName() + ".impersonator";
    private static final String IMPERSONATION_ENDS = BrowserSession.class.getName() + ".impersonationEnds";
    private static final String LAST_SEEN = BrowserSession.class.getName() + ".lastSeen";
    /** Sign-ins in other tabs may be under way at once; older ones beyond this are dropped. */
    private static final int MAX_PENDING = 5;

    private BrowserSession() {
    }

    static Optional<Member> member(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Member) session.getAttribute(MEMBER));
    }

    /** The same member with what a later request found out (roles granted or revoked since). */
    static void update(HttpServletRequest request, SignedIn signedIn) {
        member(request).ifPresent(member -> request.getSession().setAttribute(MEMBER,
                new Member(signedIn, member.issuer(), member.idToken())));
    }

    /** The administrator's own session, kept aside while they act as {@code as} until {@code endsAt}. */
    static void impersonate(HttpServletRequest request, SignedIn as, Instant endsAt) {
        Member admin = member(request).orElseThrow();
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(IMPERSONATOR, admin);
        session.setAttribute(IMPERSONATION_ENDS, endsAt);
        session.setAttribute(MEMBER, new Member(as, admin.issuer(), admin.idToken()));
    }

    /** The administrator acting as this session's member, if one is. */
    static Optional<Member> impersonator(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Member) session.getAttribute(IMPERSONATOR));
    }

    static Optional<Instant> impersonationEnds(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((Instant) session.getAttribute(IMPERSONATION_ENDS));
    }

    /** Back to the administrator's own session. */
    static void endImpersonation(HttpServletRequest request) {
        impersonator(request).ifPresent(admin -> {
            request.changeSessionId();
            HttpSession session = request.getSession();
            session.setAttribute(MEMBER, admin);
            session.removeAttribute(IMPERSONATOR);
            session.removeAttribute(IMPERSONATION_ENDS);
        });
    }

    static void signIn(HttpServletRequest request, Member member, Instant now) {
        request.changeSessionId();
        request.getSession().setAttribute(MEMBER, member);
        request.getSession().setAttribute(LAST_SEEN, now);
    }

    /**
     * Whether the session's member is still signed in at {@code now}: not idle for longer than
     * {@code idle} on the service's clock. A live session counts this request as its latest.
     */
    static boolean stillActive(HttpServletRequest request, Instant now, Duration idle) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
        if (lastSeen == null || now.isAfter(lastSeen.plus(idle))) {
            return false;
        }
        session.setAttribute(LAST_SEEN, now);
        return true;
    }

    static void remember(HttpServletRequest request, PendingSignIn pending) {
        HttpSession session = request.getSession();
        synchronized (session) {
            LinkedHashMap<String, PendingSignIn> flows = pending(session);
            flows.put(pending.state(), pending);
            while (flows.size() > MAX_PENDING) {
                flows.remove(flows.keySet().iterator().next());
            }
            session.setAttribute(PENDING, flows);
        }
    }

    /** Takes the pending sign-in for this state out of the session: a state works once. */
    static Optional<PendingSignIn> take(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (session) {
            LinkedHashMap<String, PendingSignIn> flows = pending(session);
            PendingSignIn found = flows.remove(state);
            session.setAttribute(PENDING, flows);
            return Optional.ofNullable(found);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, PendingSignIn> pending(HttpSession session) {
        Map<String, PendingSignIn> stored = (Map<String, PendingSignIn>) session.getAttribute(PENDING);
        return stored == null ? new LinkedHashMap<>() : new LinkedHashMap<>(stored);
    }
}
