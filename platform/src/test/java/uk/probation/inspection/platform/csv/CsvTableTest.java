package uk.probation.inspection.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void neutralisesFormulasWhenWriting() {
        assertEquals("'=cmd|' /C calc'!A0", CsvTable.cell("=cmd|' /C calc'!A0"));
        assertEquals("\"'=1,2\"", CsvTable.cell("=1,2"));
        assertEquals("plain", CsvTable.cell("plain"));
    }
}
