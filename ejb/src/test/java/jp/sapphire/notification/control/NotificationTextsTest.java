package jp.sapphire.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import jp.sapphire.notification.control.NotificationTexts.Fields;
import jp.sapphire.notification.control.NotificationTexts.Mail;
import jp.sapphire.notification.entity.NotificationKind;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

    private static final Fields FIELDS = new Fields("大阪出張", "佐藤", "山田", 13_870,
            "https://sapphire.example/app/reports/edit.xhtml?id=1", "領収書を添付してください");

    @Test
    void japaneseAndEnglishHaveTheSameTexts() throws IOException {
        assertThat(keys("texts_en.properties")).isEqualTo(keys("texts.properties"));
        for (NotificationKind kind : NotificationKind.values()) {
            for (String part : new String[] {"text", "subject", "body"}) {
                assertThat(keys("texts.properties")).as(kind + "." + part).containsKey(kind + "." + part);
            }
        }
    }

    @Test
    void aMailSaysWhatHappenedToWhichReportForHowMuchWithALink() {
        Mail japanese = NotificationTexts.mail(NotificationKind.RETURNED, Locale.JAPANESE, FIELDS);
        assertThat(japanese.subject()).isEqualTo("[SAPPHIRE] 差し戻されました: 大阪出張");
        assertThat(japanese.body()).contains("経費申請「大阪出張」(¥13,870) が 佐藤 さんから差し戻されました。")
                .contains("理由: 領収書を添付してください").contains(FIELDS.link());

        Mail english = NotificationTexts.mail(NotificationKind.RETURNED, Locale.ENGLISH, FIELDS);
        assertThat(english.subject()).isEqualTo("[SAPPHIRE] Sent back: 大阪出張");
        assertThat(english.body()).contains("¥13,870").contains("Reason: 領収書を添付してください").contains(FIELDS.link());
    }

    @Test
    void aLanguageWithoutTextsGetsJapanese() {
        assertThat(NotificationTexts.text(NotificationKind.APPROVED, Locale.FRENCH, FIELDS))
                .isEqualTo(NotificationTexts.text(NotificationKind.APPROVED, Locale.JAPANESE, FIELDS))
                .isEqualTo("経費申請「大阪出張」が承認されました。");
    }

    @Test
    void aRestoreNoticeGivesItsTimesInTheReadersZone() {
        Instant at = Instant.parse("2026-12-05T15:30:00Z");
        Instant dataAsOf = Instant.parse("2026-12-04T17:00:00Z");
        Mail tokyo = NotificationTexts.restoreNotice(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), at, "障害復旧", dataAsOf, false,
                false);
        assertThat(tokyo.subject()).contains("2026/12/06 00:30 (Asia/Tokyo)");
        assertThat(tokyo.body()).contains("2026/12/05 02:00 (Asia/Tokyo) 時点").contains("理由: 障害復旧").doesNotContain("【緊急】");

        Mail losAngeles = NotificationTexts.restoreNotice(Locale.ENGLISH, ZoneId.of("America/Los_Angeles"), at, "outage",
                dataAsOf, true, false);
        assertThat(losAngeles.subject()).contains("Dec 5, 2026 07:30 (America/Los_Angeles)");
        assertThat(losAngeles.body()).contains("URGENT: this restore cannot wait");
    }

    @Test
    void aNoticeOfOneTenantsRestoreSaysOnlyItsOwnDataChanges() {
        Instant at = Instant.parse("2026-12-05T15:30:00Z");
        Mail tenant = NotificationTexts.restoreNotice(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), at, "誤操作の復旧",
                Instant.parse("2026-12-04T17:00:00Z"), false, true);
        assertThat(tenant.subject()).isEqualTo("[SAPPHIRE] データ復元のお知らせ (2026/12/06 00:30 (Asia/Tokyo))");
        assertThat(tenant.body()).contains("貴社のデータをバックアップから復元します").contains("他のお客様のデータには影響しません")
                .doesNotContain("システム全体");
        assertThat(NotificationTexts.restoreNotice(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"), at, "x", at, false, true).body())
                .contains("restore your company's data").contains("No other customer's data is affected");
    }

    @Test
    void changeAndIncidentNoticesNameTheirKindInTheReadersLanguage() {
        Instant at = Instant.parse("2026-12-10T01:00:00Z");
        Mail change = NotificationTexts.changeNotice(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), "FEATURE", "支払バッチ",
                "全銀ファイルを出力します", at);
        assertThat(change.subject()).isEqualTo("[SAPPHIRE] 変更のお知らせ: 支払バッチ (2026/12/10 10:00 (Asia/Tokyo))");
        assertThat(change.body()).contains("変更種別: 機能追加").contains("全銀ファイルを出力します");

        Mail incident = NotificationTexts.incidentNotice(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"), "BREACH", "Leak", at,
                "receipts of December", "We are investigating.", false);
        assertThat(incident.body()).contains("receipts of December").contains("We are investigating.")
                .contains("Dec 10, 2026 10:00 (Asia/Tokyo)");
        Mail resolved = NotificationTexts.incidentNotice(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), "OUTAGE", "停止", at, null,
                "復旧しました。", true);
        assertThat(resolved.subject()).isEqualTo("[SAPPHIRE] インシデントのご報告 (解決): 停止");
        assertThat(resolved.body()).contains("種別: SLOを超えたシステム停止").doesNotContain("影響するデータ");
    }

    private static Properties keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NotificationTexts.class.getResourceAsStream("/jp/sapphire/notification/" + file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Properties keysOnly = new Properties();
        properties.stringPropertyNames().forEach(key -> keysOnly.put(key, ""));
        return keysOnly;
    }
}
