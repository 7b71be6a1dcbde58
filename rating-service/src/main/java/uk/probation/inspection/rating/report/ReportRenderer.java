package uk.probation.inspection.rating.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The report as HTML (Qute, GOV.UK Frontend styles, print-friendly) and as PDF rendered from the same template by
 * openhtmltopdf; the PDF version carries the report's own stylesheet inline (it cannot fetch the page's links).
 */
@ApplicationScoped
public class ReportRenderer {

    private static final String PRINT_CSS = "META-INF/resources/dashboard/report.css";

    @Inject
    @Location("report/report.html")
    Template report;

    private volatile String css;

    public String html(ReportView view) {
        return report.data("report", view).data("pdf", false).data("css", "").render();
    }

    public byte[] pdf(ReportView view) {
        String xhtml = report.data("report", view).data("pdf", true).data("css", css()).render();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String css() {
        if (css == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PRINT_CSS)) {
                css = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return css;
    }
}
