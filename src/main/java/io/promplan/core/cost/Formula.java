package io.promplan.core.cost;

import java.util.Arrays;
import java.util.List;

/**
 * How a figure is computed, as data: a kind (the bundle key the renderers write it with, in
 * render/words*.properties as {@code formula.<kind>}) and its figures in order. A figure is a
 * number already written as the plan writes numbers ({@code Num.fmt}), an id or duration as the
 * scenario writes it, or another formula (a part that has variants of its own). {@link #NONE} is no
 * formula (an empty note).
 */
public record Formula(String kind, List<Object> figures) {
    public static final Formula NONE = new Formula("", List.of());

    public Formula {
        figures = List.copyOf(figures);
        for (Object f : figures) {
            if (!(f instanceof String) && !(f instanceof Formula)) {
                throw new IllegalArgumentException("a figure is text or a formula: " + f);
            }
        }
    }

    /** A formula of a kind; numbers among the figures are written with {@link String#valueOf}, so pass them formatted. */
    public static Formula of(String kind, Object... figures) {
        return new Formula(kind, Arrays.stream(figures).map(f -> f instanceof Formula ? f : String.valueOf(f)).toList());
    }

    public boolean isEmpty() {
        return kind.isEmpty();
    }
}
