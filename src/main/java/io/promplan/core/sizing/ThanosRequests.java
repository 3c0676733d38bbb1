package io.promplan.core.sizing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3 requests a month at steady state, by price class: {@code putClass} (PUT, COPY, POST and LIST: S3's Tier 1) and
 * {@code getClass} (GET, SELECT and every other request: Tier 2), each with its sources (uploads, compaction, sync LISTs,
 * queries...). DELETE requests are free and not counted.
 */
public record ThanosRequests(double putClassPerMonth, double getClassPerMonth, Map<String, Double> putClassBySource,
                             Map<String, Double> getClassBySource, List<Explanation> explanations) {
    public ThanosRequests {
        putClassBySource = Collections.unmodifiableMap(new LinkedHashMap<>(putClassBySource));
        getClassBySource = Collections.unmodifiableMap(new LinkedHashMap<>(getClassBySource));
        explanations = List.copyOf(explanations);
    }
}
