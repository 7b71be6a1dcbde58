package uk.probation.inspection.cases.web;

import java.util.Iterator;
import java.util.function.Function;

/** The items of another iterator converted one at a time as they are read (uploads are never listed whole). */
public record MappedIterator<T, R>(Iterator<T> items, Function<T, R> convert) implements Iterator<R> {

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public R next() {
        return convert.apply(items.next());
    }
}
