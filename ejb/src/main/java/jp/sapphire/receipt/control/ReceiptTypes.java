package jp.sapphire.receipt.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The type of a receipt, recognised from its first bytes — never from its name or the type the
 * browser claims: JPEG, PNG, PDF, and HEIC (an ISO media file with a HEIC brand).
 */
public final class ReceiptTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";
    public static final String HEIC = "image/heic";

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "msf1");

    private ReceiptTypes() {
    }

    public static Optional<String> of(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (content.length >= 12 && new String(content, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")
                && HEIC_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    /** Whether a browser can show it inline (HEIC is only offered for download). */
    public static boolean isPreviewable(String contentType) {
        return !HEIC.equals(contentType);
    }

    /** A file extension that matches the content, whatever the uploaded name said. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case PDF -> ".pdf";
            default -> ".heic";
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
