package jp.sapphire.platform.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import jp.sapphire.platform.control.Csv;

/**
 * A page's answer that is a file instead of the page — a CSV file, the 全銀 transfer file, a ZIP of
 * records: saved under the name given, its charset named in the content type, and kept by no
 * cache on the way, since what these files hold (masters, privileged activity, the action log,
 * payments, receipts) is for the signed-in member only. Not OmniFaces'
 * {@code Faces.sendFile}: it names no charset and marks HTTPS downloads {@code Cache-Control: public}.
 */
public final class FileDownload {

    /** Writes the file to the response. */
    @FunctionalInterface
    public interface Content {

        void writeTo(OutputStream out) throws IOException;
    }

    private FileDownload() {
    }

    public static void send(String filename, Charset charset, byte[] csv) throws IOException {
        send(filename, charset, out -> out.write(csv));
    }

    public static void send(String filename, Charset charset, Content content) throws IOException {
        send(filename, "text/csv", charset, content);
    }

    /** A file of another kind (the 全銀 transfer file is {@code text/plain}; a ZIP has no charset: null), in the same way. */
    public static void send(String filename, String mediaType, Charset charset, Content content) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(charset == null ? mediaType : mediaType + "; charset=" + name(charset));
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        external.setResponseHeader("Cache-Control", "private, no-store");
        content.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** The charset as browsers and Excel know it: Windows' variant of Shift_JIS is called Shift_JIS. */
    private static String name(Charset charset) {
        return charset.equals(Csv.SHIFT_JIS) ? "Shift_JIS" : charset.name();
    }
}
