package uk.probation.inspection.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The campaign's CSV export checks find what a spreadsheet would run, and only that. */
class BadInputExportCheckTest {

    static int unsafe(String csv) {
        return BadInput.formulaCellStarts("csv", csv).size();
    }

    @Test
    void formulaCellsAreFoundWhateverTheSeparator() {
        assertEquals(1, unsafe("id,text\r\n1,=cmd|' /C calc'!A0\r\n"));
        assertEquals(1, unsafe("id,text\r\n1,\"=1,2\"\r\n"), "a quoted formula is still a formula");
        assertEquals(1, unsafe("id,text\r\n1,a;=1+1\r\n"), "a semicolon spreadsheet splits it");
        assertEquals(1, unsafe("id,text\r\n1,\"\t=1\"\r\n"));
        assertEquals(2, unsafe("+1,@x\r\n"));
    }

    @Test
    void neutralisedAndQuotedCellsAreSafe() {
        assertEquals(0, unsafe("id,text\r\n1,'=cmd|' /C calc'!A0\r\n2,\"'=1,2\"\r\n3,\"a;=1+1\"\r\n"));
        assertEquals(0, unsafe("id,text\r\n1,\"say \"\"hi\"\", then\n=1+1\"\r\n"), "inside quotes a line break starts no cell");
    }

    @Test
    void rowsAreReadAsRfc4180() {
        assertEquals(List.of(List.of("id", "text"), List.of("1", "say \"hi\", then\n=1+1"), List.of("2", "")),
                BadInput.csvRows("id,text\r\n1,\"say \"\"hi\"\", then\n=1+1\"\r\n2,\r\n"));
    }
}
