package uk.probation.inspection.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedCellsWithCommasQuotesAndNewlines() {
        CsvTable table = CsvTable.parse("a,b\r\n1,\"x, \"\"y\"\"\nz\"\n2,\n");
        assertEquals(2, table.rows().size());
        assertEquals("x, \"y\"\nz", table.rows().get(0).get("b"));
        assertEquals(2, table.rows().get(0).line());
        assertEquals(4, table.rows().get(1).line(), "the second row starts after the embedded line break");
        assertEquals("", table.rows().get(1).get("b"));
    }

    @Test
    void rejectsWrongCellCountNamingTheLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.parse("a,b\n1,2\n3\n"));
        assertEquals(3, e.line());
    }

    @Test
    void rejectsUnclosedQuoteEmptyTextAndDuplicateColumns() {
        assertThrows(CsvFormatException.class, () -> CsvTable.parse("a\n\"open\n"));
        assertThrows(CsvFormatException.class, () -> CsvTable.parse(""));
        assertThrows(CsvFormatException.class, () -> CsvTable.parse("a,a\n1,2\n"));
    }

    /** The reader hands out rows as asked: a malformed row far down is only reached when it is read. */
    @Test
    void readerReadsRowByRow() {
        CsvReader reader = CsvTable.reader("\uFEFFa,b\n1,2\n\n3,\"x\ny\"\n4\n");
        assertEquals(List.of("a", "b"), reader.header());
        assertEquals(2, reader.next().line());
        CsvTable.Row multiline = reader.next();
        assertEquals(4, multiline.line());
        assertEquals("x\ny", multiline.get("b"));
        assertEquals(6, assertThrows(CsvFormatException.class, reader::next).line());
    }

    @Test
    void neutralisesFormulasWhenWriting() {
        assertEquals("'=cmd|' /C calc'!A0", CsvTable.cell("=cmd|' /C calc'!A0"));
        assertEquals("\"'=1,2\"", CsvTable.cell("=1,2"));
        assertEquals("plain", CsvTable.cell("plain"));
        assertEquals("'+SUM(A1)", CsvTable.cell("+SUM(A1)"));
        assertEquals("'-2+3", CsvTable.cell("-2+3"));
        assertEquals("'@SUM(1)", CsvTable.cell("@SUM(1)"));
        assertEquals("\"'\t=1+1\"", CsvTable.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CsvTable.cell("\r=1+1"));
        assertEquals("", CsvTable.cell(""));
        assertEquals("", CsvTable.cell(null));
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaksSoEachValueStaysOneCell() {
        assertEquals("\"say \"\"hi\"\", then\nleave\"", CsvTable.cell("say \"hi\", then\nleave"));
        // A semicolon-separated spreadsheet would read a;=1+1 unquoted as the cells "a" and "=1+1".
        assertEquals("\"a;=1+1\"", CsvTable.cell("a;=1+1"));
        assertEquals("\"a\t=1+1\"", CsvTable.cell("a\t=1+1"));
        List<String> values = List.of("=cmd|' /C calc'!A0", "say \"hi\", then\r\nleave", "a;=1+1", "\t@x", "plain");
        String csv = "v\r\n" + values.stream().map(CsvTable::cell).collect(Collectors.joining("\r\n")) + "\r\n";
        List<String> read = CsvTable.parse(csv).rows().stream().map(r -> r.get("v")).toList();
        assertEquals(List.of("'=cmd|' /C calc'!A0", "say \"hi\", then\r\nleave", "a;=1+1", "'\t@x", "plain"), read);
    }
}
