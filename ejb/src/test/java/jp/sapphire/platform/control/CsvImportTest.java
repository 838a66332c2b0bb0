package jp.sapphire.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private static final List<String> KEYS = List.of("code", "name", "active");
    private static final List<String> HEADER = List.of("コード", "名称", "有効");
    private static final List<List<String>> HEADERS = List.of(HEADER, List.of("Code", "Name", "Active"));

    @Test
    void anExportComesBackInAsTheSameCellsThroughAnyHeaderAndEitherCharset() {
        List<List<String>> rows = List.of(List.of("A-1", "=cmd|' /C calc'!A0", "true"), List.of("B_2", "①㈱ 株式会社", "false"));
        for (var charset : List.of(StandardCharsets.UTF_8, Csv.SHIFT_JIS)) {
            for (List<String> header : HEADERS) {
                CsvImport file = CsvImport.read(Csv.document(charset, header, rows), charset, KEYS, HEADERS);
                assertThat(file.rows()).extracting(CsvImport.Row::cells).containsExactlyElementsOf(rows);
                assertThat(file.rows()).extracting(CsvImport.Row::number).containsExactly(2, 3);
            }
        }
        byte[] byKeys = "code,name,active\n X ,  名前 ,TRUE\n".getBytes(StandardCharsets.UTF_8);
        CsvImport file = CsvImport.read(byKeys, StandardCharsets.UTF_8, KEYS, HEADERS);
        assertThat(file.rows().get(0).cells()).containsExactly("X", "名前", "TRUE");
        assertThat(file.flag(file.rows().get(0), 2)).isTrue();
        file.finish();
    }

    @Test
    void aWrongFileIsRefusedAsAWholeAndEveryBadRowIsNamed() {
        assertThatThrownBy(() -> CsvImport.read(new byte[0], StandardCharsets.UTF_8, KEYS, HEADERS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(InputProblem.of("file", "sapphire.csv.empty")));
        assertThatThrownBy(() -> CsvImport.read("id,name,active\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                KEYS, HEADERS)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .containsExactly(InputProblem.of("file", "sapphire.csv.header", "header", "コード,名称,有効")));
        assertThatThrownBy(() -> CsvImport.read("コード,名称,有効\n".getBytes(Csv.SHIFT_JIS), StandardCharsets.UTF_8, KEYS, HEADERS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("sapphire.csv.encoding"));

        byte[] content = "code,name,active\nA,一,true\nA,二,true\nb c,,yes\nonly,two\n".getBytes(StandardCharsets.UTF_8);
        CsvImport file = CsvImport.read(content, StandardCharsets.UTF_8, KEYS, HEADERS);
        Set<String> seen = new HashSet<>();
        for (CsvImport.Row row : file.rows()) {
            file.code(row, 0, seen);
            file.name(row, 1, 10);
            file.flag(row, 2);
        }
        assertThat(file.isClean(file.rows().get(0))).isTrue();
        assertThat(file.isClean(file.rows().get(1))).isFalse();
        assertThatThrownBy(file::finish).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .containsExactlyInAnyOrder(
                        InputProblem.of("row 3", "sapphire.csv.duplicate", "code", "A"),
                        InputProblem.of("row 4", "sapphire.csv.code"),
                        InputProblem.of("row 4", "sapphire.csv.name", "max", 10),
                        InputProblem.of("row 4", "sapphire.csv.active", "value", "yes"),
                        InputProblem.of("row 5", "sapphire.csv.columns", "count", 3)));
    }
}
