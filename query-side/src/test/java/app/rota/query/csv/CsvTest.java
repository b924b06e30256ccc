package app.rota.query.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void aCellThatCouldRunAsAFormulaIsPrefixedWithAQuote() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1 555")).isEqualTo("'+1 555");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("Ada = lead")).isEqualTo("Ada = lead");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndNullIsEmpty() {
        assertThat(Csv.cell("Lovelace, Ada")).isEqualTo("\"Lovelace, Ada\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void rowsFollowTheHeaderWithCrlfLineEnds() {
        String csv = Csv.withHeader("name", "slots").row("Ada", 3).row(null, 0).toString();
        assertThat(csv).isEqualTo("name,slots\r\nAda,3\r\n,0\r\n");
    }

    @Test
    void aRowOfTheWrongWidthIsAProgrammingError() {
        assertThatThrownBy(() -> Csv.withHeader("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
