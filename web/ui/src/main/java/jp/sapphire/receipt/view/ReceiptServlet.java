package jp.sapphire.receipt.view;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.receipt.boundary.Receipts;
import jp.sapphire.receipt.control.ContentDisposition;
import jp.sapphire.receipt.control.ReceiptTypes;

/**
 * {@code /app/receipts/{id}}: a receipt for the signed-in member, if they may read its report.
 * Served as the type recognised at upload, never sniffed, in a sandbox that runs no script.
 */
@WebServlet("/app/receipts/*")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    Receipts receipts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (IllegalArgumentException notAnId) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Receipts.Download download;
        try {
            download = receipts.download(id);
        } catch (NotFoundException notFound) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = download.receipt().getContentType();
        String filename = download.receipt().getFilename();
        response.setContentType(type);
        response.setContentLength(download.content().length);
        response.setHeader("Content-Disposition", ReceiptTypes.isPreviewable(type)
                ? ContentDisposition.inline(filename) : ContentDisposition.attachment(filename));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; object-src 'self'; sandbox");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(download.content());
    }
}
