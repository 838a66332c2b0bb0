package jp.sapphire.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sapphire.notification.boundary.Notifications;
import jp.sapphire.platform.rest.ApiLocale;

/** The caller's notifications (お知らせ), newest first, worded in the caller's language. */
@Path("v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class NotificationsResource {

    @EJB
    Notifications notifications;

    @Context
    HttpHeaders headers;

    public record NotificationView(UUID id, String kind, UUID reportId, String text, Instant createdAt, boolean read) {
    }

    public record NotificationList(long unread, List<NotificationView> items) {
    }

    @GET
    public NotificationList mine() {
        Locale locale = ApiLocale.of(headers);
        List<NotificationView> items = notifications.mine().stream()
                .map(n -> new NotificationView(n.getId(), n.getKind().name(), n.getReportId(), notifications.text(n, locale),
                        n.getCreatedAt(), n.isRead()))
                .toList();
        return new NotificationList(notifications.unread(), items);
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        notifications.markAllRead();
        return Response.noContent().build();
    }
}
