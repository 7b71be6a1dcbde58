package uk.probation.inspection.feedback.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/** Decodes a body as UTF-8, refusing (never replacing) malformed bytes, and says where the first one is. */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** @throws ProblemException 422 naming the line and byte offset of the first malformed sequence */
    public static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw malformed(body, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw malformed(body, in.position());
        }
        out.flip();
        return out.toString();
    }

    private static ProblemException malformed(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        String bad = offset < body.length ? String.format("0x%02X", body[offset] & 0xFF) : "end of input";
        String message = "not valid UTF-8: byte " + bad + " at offset " + offset + "; send the file as UTF-8";
        return ProblemException.invalid("The body is not UTF-8 text (line " + line + ")",
                List.of(FieldError.line(line, null, message)));
    }
}
