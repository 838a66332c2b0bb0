package jp.sapphire.platform.control;

import java.util.List;

/** One page of a longer list: the items, how many there are in all, which page of what size. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
