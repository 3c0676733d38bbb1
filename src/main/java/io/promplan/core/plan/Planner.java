package io.promplan.core.plan;

import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.Baselines;
import io.promplan.core.baseline.Roi;
import io.promplan.core.baseline.RoiCalculator;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.AlternativeModel;
import io.promplan.core.cost.AlternativeRegistry;
import io.promplan.core.cost.CostLine;
import io.promplan.core.cost.CostModel;
import io.promplan.core.cost.PlanContext;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.sizing.Implications;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.core.sizing.SizingModel;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.core.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a scenario: validates it, sizes the stack, prices every alternative, compares with the
 * plan's baseline and computes ROI. Pure: the same inputs give the same plan.
 */
public final class Planner {
    private final PriceCatalog catalog;
    private final SizingCoefficients coefficients;
    private final List<AlternativeModel> models;

    /** A planner of every registered alternative ({@link AlternativeRegistry#ALL}). */
    public Planner(PriceCatalog catalog, SizingCoefficients coefficients) {
        this(catalog, coefficients, AlternativeRegistry.ALL);
    }

    /** @param models the alternatives to price, in order; one must be self-hosted and one in place */
    public Planner(PriceCatalog catalog, SizingCoefficients coefficients, List<AlternativeModel> models) {
        this.catalog = catalog;
        this.coefficients = coefficients;
        this.models = List.copyOf(models);
    }

    public PriceCatalog catalog() {
        return catalog;
    }

    public SizingCoefficients coefficients() {
        return coefficients;
    }

    /** @throws InvalidScenarioException when a value is not allowed, or the region is not in the snapshot */
    public Plan plan(Scenario scenario) {
        List<Problem> problems = new ArrayList<>(ScenarioValidator.validateForPlanning(scenario));
        Workload w = scenario.workload();
        if (problems.isEmpty() && !catalog.hasRegion(w.region())) {
            problems.add(new Problem("region", "'" + w.region() + "' is not in price snapshot " + catalog.snapshotName()
                    + "; regions there: " + String.join(", ", catalog.regions())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        String region = w.region();
        boolean arm = w.architecture() == Architecture.ARM64;
        Price vcpu = catalog.price(region, arm ? PriceId.FARGATE_VCPU_ARM : PriceId.FARGATE_VCPU_X86);
        Price mem = catalog.price(region, arm ? PriceId.FARGATE_MEMORY_ARM : PriceId.FARGATE_MEMORY_X86);
        SizingModel model = new SizingModel(coefficients,
                vcpu.isMissing() ? 0 : vcpu.firstTierUsd().doubleValue(), mem.isMissing() ? 0 : mem.firstTierUsd().doubleValue());
        CostModel cost = new CostModel(catalog, region);
        // One basis for every alternative: the model's sizes, unless the scenario says its pins are requirements.
        // The pinned figures are then priced beside it, so the plan's own choice stays visible.
        boolean hasPins = !w.pinned().isEmpty() || w.storage().prometheusGiB() > 0;
        SizingBasis basis = !hasPins ? SizingBasis.NO_PINS : w.sizing().pinsAreRequirements() ? SizingBasis.PINS_AS_REQUIRED : SizingBasis.MODEL;
        Alternative asPinned = null;
        Sizing pinnedSizing = null;
        Scenario planned = scenario;
        if (basis == SizingBasis.MODEL) {
            pinnedSizing = model.size(w);
            asPinned = selfHostedModel().price(new PlanContext(scenario, pinnedSizing, catalog, region, cost, model::size));
            planned = scenario.withWorkload(unpinned(w));
        }
        Workload pw = planned.workload();
        Sizing sizing = model.size(pw);
        List<Alternative> alts = new ArrayList<>();
        PlanContext ctx = new PlanContext(planned, sizing, catalog, region, cost, model::size);
        for (AlternativeModel m : models) {
            if (m.appliesTo(planned)) {
                alts.add(m.price(ctx));
            }
        }
        Alternative self = alts.stream().filter(Alternative::isSelfHosted).findFirst().orElseThrow();
        Alternative cw = alts.stream().filter(Alternative::isInPlace).findFirst().orElseThrow();
        BaselineComparison baseline = Baselines.compare(scenario.baseline(), self, asPinned, cw, catalog, region, pw);
        Roi roi = RoiCalculator.compute(self.monthly(), cw.monthly(), scenario.roi(), scenario.baseline());

        List<Warning> warnings = new ArrayList<>(sizing.findings().stream().map(Warning::of).toList());
        if (pinnedSizing != null) {
            for (var pin : pinnedSizing.findings()) {
                Warning pinned = Warning.of(pin);
                if (pinned.kind().aboutPins() && !warnings.contains(pinned)) {
                    warnings.add(pinned);
                }
            }
            warnings.add(Warning.of(Warning.Kind.MODEL_BASIS, self.monthly().format(), asPinned.monthly().format()));
        }
        if (sizing.shards() > 1) {
            alts.stream().filter(Alternative::isManaged).forEach(m -> {
                var diff = self.monthly().minus(m.monthly());
                warnings.add(Warning.of(diff.isNegative() ? Warning.Kind.SHARDS_MANAGED_DEARER : Warning.Kind.SHARDS_MANAGED_CHEAPER,
                        String.valueOf(sizing.shards()), self.monthly().format(), m.id(), m.monthly().format(),
                        (diff.isNegative() ? diff.negate() : diff).rounded().format()));
            });
        }
        List<PriceRef> missing = refs(alts, PriceStatus.MISSING);
        List<PriceRef> assumed = refs(alts, PriceStatus.ASSUMED);
        for (PriceRef m : missing) {
            warnings.add(Warning.of(Warning.Kind.MISSING_PRICE, m.price().id().id(), m.price().id().keyText(), m.price().region(), m.price().note(),
                    String.join(", ", m.usedBy())));
        }
        if (!assumed.isEmpty()) {
            warnings.add(Warning.of(Warning.Kind.ASSUMED_PRICES, String.valueOf(assumed.size()), region,
                    String.join(", ", assumed.stream().map(a -> a.price().id().id()).toList())));
        }
        return new Plan(scenario, region, catalog.snapshotName(), catalog.asOf(), Hours.PER_MONTH, sizing, alts, baseline, roi, warnings,
                missing, assumed, Implications.of(w, pinnedSizing != null ? pinnedSizing : sizing, scenario.baseline()), basis, asPinned, pinnedSizing);
    }

    private AlternativeModel selfHostedModel() {
        return models.stream().filter(AlternativeModel::isSelfHosted).findFirst().orElseThrow();
    }

    /** The workload without its pinned task sizes and storage: what the model sizes. */
    public static Workload unpinned(Workload w) {
        var st = w.storage();
        return w.toBuilder().pinned(Map.of())
                .storage(new io.promplan.core.workload.StorageSpec(st.backend(), 0, st.grafanaGiB(), st.localRetention(), st.backup())).build();
    }

    private static List<PriceRef> refs(List<Alternative> alts, PriceStatus status) {
        Map<String, Price> prices = new LinkedHashMap<>();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (Alternative a : alts) {
            for (CostLine l : a.lines()) {
                if (l.status() == status) {
                    String k = l.price().id().id() + "@" + l.price().region();
                    prices.putIfAbsent(k, l.price());
                    users.computeIfAbsent(k, x -> new ArrayList<>()).add(a.id() + "/" + l.key());
                }
            }
        }
        List<PriceRef> out = new ArrayList<>();
        prices.forEach((k, p) -> out.add(new PriceRef(p, users.get(k))));
        return out;
    }
}
