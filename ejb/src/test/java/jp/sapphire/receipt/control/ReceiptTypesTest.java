package jp.sapphire.receipt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiptTypesTest {

    @Test
    void recognisesReceiptsByTheirFirstBytes() {
        assertThat(ReceiptTypes.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).contains("image/jpeg");
        assertThat(ReceiptTypes.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(ReceiptTypes.of("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1))).contains("application/pdf");
        assertThat(ReceiptTypes.of(heic("heic"))).contains("image/heic");
        assertThat(ReceiptTypes.of(heic("mif1"))).contains("image/heic");
    }

    @Test
    void refusesAnythingElseWhateverItIsCalled() {
        assertThat(ReceiptTypes.of("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1))).isEmpty(); // a Windows .exe
        assertThat(ReceiptTypes.of("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ReceiptTypes.of(new byte[0])).isEmpty();
        assertThat(ReceiptTypes.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ReceiptTypes.of(heic("mp42"))).isEmpty(); // an MP4 video
    }

    private static byte[] heic(String brand) {
        byte[] box = new byte[16];
        box[3] = 16;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        return box;
    }
}
