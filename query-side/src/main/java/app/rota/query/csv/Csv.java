package app.rota.query.csv;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for the endpoints that answer {@code Accept: text/csv}: a header row, CRLF line ends, every cell
 * that holds a comma, quote or line break quoted (quotes doubled), and — so that a spreadsheet never runs a name
 * as a formula — every cell that starts with {@code =}, {@code +}, {@code -} or {@code @} prefixed with {@code '}.
 * A null cell is empty.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private final List<String> lines = new ArrayList<>();
    private final int columns;

    private Csv(List<String> header) {
        this.columns = header.size();
        lines.add(line(header.toArray()));
    }

    public static Csv withHeader(String... header) {
        return new Csv(List.of(header));
    }

    public Csv row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("A row of " + cells.length + " cells under a header of " + columns);
        }
        lines.add(line(cells));
        return this;
    }

    @Override
    public String toString() {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** The CSV as a download named {@code fileName}, UTF-8. */
    public ResponseEntity<String> response(String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(toString());
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String line(Object[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.toString();
    }
}
