package uk.probation.inspection.platform.problem;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The most items one request may carry, applied while the items are read: the item after the last allowed one is
 * refused with 413 naming the limit, before anything of the request is stored.
 */
public final class ItemLimit {

    private ItemLimit() {
    }

    /** {@code items}, failing with 413 when it holds more than {@code max}; {@code noun} is plural ("cases"). */
    public static <T> Iterator<T> of(Iterator<T> items, int max, String noun) {
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!items.hasNext()) {
                    throw new NoSuchElementException();
                }
                if (read == max) {
                    throw tooMany(max, noun);
                }
                read++;
                return items.next();
            }
        };
    }

    public static ProblemException tooMany(int max, String noun) {
        return new ProblemException(413, "Payload too large", "More than " + String.format("%,d", max) + " " + noun
                + " in one request; the limit is " + String.format("%,d", max) + ". Send them in several requests.",
                null);
    }
}
