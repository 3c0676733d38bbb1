package io.promplan.pricing;

import io.promplan.core.price.PriceCatalog;
import java.nio.file.Path;

/** A price catalogue and the file it was read from, with the snapshot's own description. */
public record PriceSnapshot(Path file, PriceCatalog catalog, String description) {
}
