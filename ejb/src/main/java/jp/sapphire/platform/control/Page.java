package jp.sapphire.platform.control;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a longer list: the items, how many there are in all, which page of what size. */
public record Page<T>(List<T> items, long total, int page, int size) implements Serializable {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * What a page query selects after its items to learn the total in the same statement: the count
     * of every row the query matches, before its LIMIT and OFFSET (EclipseLink's {@code SQL}).
     */
    public static final String TOTAL = "SQL('COUNT(*) OVER ()')";

    /**
     * The page of rows a query answered with {@link #TOTAL} in column {@code totalColumn}; only a
     * page past the end has no row to read the total from, and asks {@code count}.
     */
    public static <T> Page<T> of(List<Object[]> rows, int totalColumn, Function<Object[], T> item, LongSupplier count, int page,
                                 int size) {
        long total = rows.isEmpty() ? (page == 0 ? 0 : count.getAsLong()) : ((Number) rows.get(0)[totalColumn]).longValue();
        return new Page<>(rows.stream().map(item).toList(), total, page, size);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
