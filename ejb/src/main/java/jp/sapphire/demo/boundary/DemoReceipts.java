package jp.sapphire.demo.boundary;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Receipt images for the demo tenant, drawn at seed time (Latin text: a server may have no Japanese font). */
final class DemoReceipts {

    private DemoReceipts() {
    }

    static byte[] png(String text) {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 320, 200);
        graphics.setColor(Color.DARK_GRAY);
        graphics.drawRect(8, 8, 303, 183);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        graphics.drawString("RECEIPT", 24, 48);
        graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        graphics.drawString(text, 24, 100);
        graphics.drawString("SAPPHIRE demo", 24, 160);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
