package io.promplan.core.plan;

import io.promplan.core.workload.Problem;
import java.util.List;

/** A scenario with values that are not allowed; each problem names its field. */
public final class InvalidScenarioException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
