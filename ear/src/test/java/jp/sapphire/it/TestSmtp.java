package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SMTP server the test server's mail session points at (127.0.0.1:3125): GreenMail in the
 * test JVM, started before each test and stopped after it; a test may stop and start it to play
 * an outage. Other tests' mail may arrive at any time (retries), so tests pick theirs by content.
 */
public final class TestSmtp implements BeforeEachCallback, AfterEachCallback {

    private static final ServerSetup SMTP = new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private GreenMail server;

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    public void start() {
        server = new GreenMail(SMTP);
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public List<MimeMessage> received(Predicate<MimeMessage> which) {
        return Arrays.stream(server.getReceivedMessages()).filter(which).toList();
    }

    /** Waits up to a minute for {@code count} mails that match; answers exactly those. */
    public List<MimeMessage> await(Predicate<MimeMessage> which, int count) {
        Poll.until(Duration.ofSeconds(60), () -> received(which).size() >= count);
        List<MimeMessage> mails = received(which);
        assertThat(mails).as("mails received").hasSize(count);
        return mails;
    }

    /** A mail to {@code recipient} whose subject ends with {@code subjectEnd}. */
    public static Predicate<MimeMessage> to(String recipient, String subjectEnd) {
        return mail -> recipient(mail).equals(recipient) && subject(mail).endsWith(subjectEnd);
    }

    public static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
