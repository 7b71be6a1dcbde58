package uk.probation.inspection.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list and where the next one starts. Sent as the JSON array it always was (clients that read the
 * array keep working), with {@code Link: <...>; rel="next"} while more follows (RFC 8288), so the body's shape
 * does not change.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /** Fetches rows of the underlying order after a key, at most {@code limit} of them. */
    @FunctionalInterface
    public interface Fetch<R> {
        List<R> after(List<String> key, int limit);
    }

    /**
     * Collects a page from rows in key order, keeping only those {@code visible} maps to an item (access rules that
     * are not in SQL): reads chunks until the page is full and one more item proves there is a next page, or the
     * rows end. A caller who sees few of many rows costs more reads, never a wrong page.
     */
    public static <R, T> Page<T> collect(PageRequest request, Fetch<R> fetch, Function<R, List<String>> keyOf,
            Function<R, Optional<T>> visible) {
        List<T> items = new ArrayList<>();
        List<String> after = request.after();
        List<String> lastKey = null;
        int chunk = request.size() + 1;
        while (true) {
            List<R> rows = fetch.after(after, chunk);
            for (R row : rows) {
                Optional<T> item = visible.apply(row);
                if (item.isEmpty()) {
                    continue;
                }
                if (items.size() == request.size()) {
                    return new Page<>(items, Optional.of(PageRequest.cursor(lastKey)));
                }
                items.add(item.get());
                lastKey = keyOf.apply(row);
            }
            if (rows.size() < chunk) {
                return new Page<>(items, Optional.empty());
            }
            after = keyOf.apply(rows.get(rows.size() - 1));
        }
    }

    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * The page as a response: the array, and the next page's link, relative (resolved against the request's URI, so
     * right behind an ingress too): this request's path and query with the cursor replaced.
     */
    public RestResponse<List<T>> toResponse(UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(items);
        nextCursor.ifPresent(cursor -> {
            java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam(PageRequest.CURSOR, cursor).build();
            response.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        });
        return response.build();
    }
}
