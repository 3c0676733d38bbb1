package io.promplan.cli;

import io.promplan.io.InputFileException;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --prices DIR: the price snapshot folder (or one snapshot file) to use. */
public final class PricesOption {
    @Option(names = "--prices", paramLabel = "DIR", description = "price snapshot folder or file (default: ./pricing-data)")
    Path prices;

    public PlanningService service() throws InputFileException {
        return PlanningService.open(prices);
    }

    public Path dir() {
        return prices == null ? PlanningService.defaultPricesDir() : prices;
    }
}
