package io.promplan.core.plan;

import io.promplan.core.price.Price;
import java.util.List;

/** A price that is missing or assumed, with the lines that use it. */
public record PriceRef(Price price, List<String> usedBy) {
    public PriceRef {
        usedBy = List.copyOf(usedBy);
    }

    public String describe() {
        return price.id().id() + " (" + price.id().keyText() + ") in " + price.region()
                + (price.note().isEmpty() ? "" : ": " + price.note()) + "; used by " + String.join(", ", usedBy);
    }
}
