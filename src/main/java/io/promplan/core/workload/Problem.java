package io.promplan.core.workload;

/** A value that is not allowed: the field (as the scenario file names it) and what is allowed. */
public record Problem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
