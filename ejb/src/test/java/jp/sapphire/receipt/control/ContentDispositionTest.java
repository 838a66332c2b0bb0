package jp.sapphire.receipt.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void keepsTheRealNameEncodedAndAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("領収書 1.jpg"))
                .isEqualTo("attachment; filename=\"___ 1.jpg\"; filename*=UTF-8''%E9%A0%98%E5%8F%8E%E6%9B%B8%201.jpg");
    }

    @Test
    void aNameCannotBreakOutOfTheHeader() {
        String header = ContentDisposition.inline("a\"; filename=evil.html\r\nSet-Cookie: x=y.png");
        assertThat(header).doesNotContain("\r").doesNotContain("\n").startsWith("inline; filename=\"a__ filename_evil.html__Set-Cookie_ x_y.png\"");
        assertThat(header.chars().filter(c -> c == '"').count()).isEqualTo(2);
    }
}
