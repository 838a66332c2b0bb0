package jp.sapphire.journal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.control.Journal.Account;
import jp.sapphire.journal.control.Journal.Booking;
import jp.sapphire.journal.control.Journal.Item;
import jp.sapphire.journal.control.Journal.Slip;
import jp.sapphire.journal.entity.JournalSettings.Granularity;
import jp.sapphire.journal.entity.JournalSettings.ProjectAs;
import jp.sapphire.journal.entity.Software;
import org.junit.jupiter.api.Test;

/**
 * A fixed paid batch of two reports — a three-line trip (public transport, lodging, a café without
 * a registration number after October 2026) and two books (one with a registration number, one
 * without, in September 2026) — written in each software's format and compared line by line and
 * byte by byte with files written by hand from the formats' rules (src/test/resources).
 */
class JournalFileTest {

    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final Account TRAVEL = new Account("旅費交通費", "7110", "");
    private static final Account MEETINGS = new Account("会議費", "7310", "");
    private static final Account SUPPLIES = new Account("消耗品費", "7410", "");
    private static final Account PAYABLE = new Account("未払金", "3120", "");
    private static final Account BANK = new Account("普通預金", "1110", "みずほ銀行");

    private static final Booking TRIP = new Booking(UUID.fromString("11111111-1111-1111-1111-111111111111"), "10月 大阪出張",
            "山田 太郎", "営業部", "大阪展示会", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 30), List.of(
            new Item(TRAVEL, "JR東海", "新幹線 東京→新大阪", TaxClass.STANDARD_10, InvoiceStatus.PUBLIC_TRANSPORT, 100, 13_870, 1_260),
            new Item(TRAVEL.withSubAccount("宿泊費"), "ホテル大阪", null, TaxClass.STANDARD_10, InvoiceStatus.BUSINESS_TRAVEL, 100,
                    9_800, 890),
            new Item(MEETINGS, "=喫茶店", null, TaxClass.REDUCED_8, InvoiceStatus.TRANSITIONAL, 70, 1_080, 80)));
    private static final Booking BOOKS = new Booking(UUID.fromString("22222222-2222-2222-2222-222222222222"), "参考図書",
            "佐藤 花子", "経理部", null, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 30), List.of(
            new Item(SUPPLIES, "丸善", "会計の本", TaxClass.STANDARD_10, InvoiceStatus.QUALIFIED, 100, 3_520, 320),
            new Item(SUPPLIES, "文具店", null, TaxClass.STANDARD_10, InvoiceStatus.TRANSITIONAL, 80, 1_100, 100)));

    private static List<Slip> batch(Granularity granularity, ProjectAs projectAs) {
        return new JournalEntries(new JournalEntries.Settings(granularity, PAYABLE, BANK, projectAs))
                .accrued(List.of(TRIP, BOOKS)).paid(List.of(TRIP, BOOKS)).slips();
    }

    @Test
    void yayoiHasTwentyFiveColumnsNoHeaderShiftJisAndCompoundSlipFlags() {
        byte[] file = JournalFile.write(Software.YAYOI, batch(Granularity.LINE, ProjectAs.SEGMENT), TaxNames.defaults(), SJIS);
        assertMatches(file, "batch-yayoi.csv", SJIS);
        assertThat(new String(file, SJIS).split("\r\n")).allSatisfy(line -> assertThat(line.split("\",\"", -1)).hasSize(25));
    }

    @Test
    void freeeHasAHeaderAndTakesUtf8OrShiftJis() {
        List<Slip> slips = batch(Granularity.LINE, ProjectAs.SEGMENT);
        byte[] utf8 = JournalFile.write(Software.FREEE, slips, TaxNames.defaults(), StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(utf8, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertMatches(Arrays.copyOfRange(utf8, 3, utf8.length), "batch-freee.csv", StandardCharsets.UTF_8);
        assertMatches(JournalFile.write(Software.FREEE, slips, TaxNames.defaults(), SJIS), "batch-freee.csv", SJIS);
    }

    @Test
    void moneyForwardHasColumnsAToAaWithTheInvoiceColumn() {
        byte[] file = JournalFile.write(Software.MF, batch(Granularity.LINE, ProjectAs.SEGMENT), TaxNames.defaults(), SJIS);
        assertMatches(file, "batch-mf.csv", SJIS);
        assertThat(new String(file, SJIS).split("\r\n")).allSatisfy(line -> assertThat(line.split("\",\"", -1)).hasSize(27));
    }

    @Test
    void onePerReportSumsTheLinesBookedAlikeAndPutsTheProjectInTheSubAccount() {
        Booking trip = new Booking(TRIP.reportId(), TRIP.title(), TRIP.applicant(), TRIP.department(), TRIP.project(),
                TRIP.approvedOn(), null, List.of(TRIP.items().get(0), new Item(TRAVEL, "ホテル大阪", null, TaxClass.STANDARD_10,
                InvoiceStatus.BUSINESS_TRAVEL, 100, 9_800, 890), TRIP.items().get(2)));
        List<Slip> slips = new JournalEntries(new JournalEntries.Settings(Granularity.REPORT, PAYABLE, BANK,
                ProjectAs.SUB_ACCOUNT)).accrued(List.of(trip)).paid(List.of(trip)).slips();
        assertThat(lines(JournalFile.write(Software.YAYOI, slips, TaxNames.defaults(), SJIS), SJIS)).containsExactly(
                "\"2110\",\"1\",\"\",\"2026/11/20\",\"旅費交通費\",\"大阪展示会\",\"営業部\",\"課対仕入込10%適格\",\"23670\",\"2150\","
                        + "\"未払金\",\"\",\"\",\"対象外\",\"23670\",\"0\",\"山田 太郎 10月 大阪出張\",\"\",\"\",\"0\",\"\","
                        + "\"11111111-1111-1111-1111-111111111111\",\"0\",\"0\",\"no\"",
                "\"2101\",\"1\",\"\",\"2026/11/20\",\"会議費\",\"大阪展示会\",\"営業部\",\"課対仕入込軽減8%区分70%\",\"1080\",\"80\","
                        + "\"未払金\",\"\",\"\",\"対象外\",\"1080\",\"0\",\"山田 太郎 10月 大阪出張\",\"\",\"\",\"0\",\"\","
                        + "\"11111111-1111-1111-1111-111111111111\",\"0\",\"0\",\"no\"");
    }

    @Test
    void theTenantsOwnTaxNamesReplaceTheDefaults() {
        TaxNames own = TaxNames.with(Map.of(Software.YAYOI, Map.of(TaxClass.STANDARD_10,
                new TaxNames.Names("課税仕入10%適格", "課税仕入10%(経過{percent}%)"))));
        List<String> lines = lines(JournalFile.write(Software.YAYOI, batch(Granularity.LINE, ProjectAs.NONE), own, SJIS), SJIS);
        assertThat(lines.get(0)).contains("\"課税仕入10%適格\"");
        assertThat(lines.get(2)).as("the reduced rate keeps its default").contains("\"課対仕入込軽減8%区分70%\"");
        assertThat(lines.get(4)).contains("\"課税仕入10%(経過80%)\"");
    }

    /** The file equals the expected one, line by line, then byte for byte (CRLF after every line, in the charset). */
    private static void assertMatches(byte[] file, String expected, Charset charset) {
        List<String> want = expected(expected);
        assertThat(lines(file, charset)).containsExactlyElementsOf(want);
        assertThat(file).isEqualTo((String.join("\r\n", want) + "\r\n").getBytes(charset));
    }

    private static List<String> lines(byte[] file, Charset charset) {
        String text = new String(file, charset);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        return List.of(text.split("\r\n"));
    }

    private static List<String> expected(String name) {
        try (InputStream in = JournalFileTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
