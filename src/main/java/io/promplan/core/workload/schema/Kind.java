package io.promplan.core.workload.schema;

/** How a scenario key's value is written and read. */
public enum Kind {
    /** Free text (quoted in the file). */
    TEXT,
    /**
     * Free text the user writes for people to read: one text for every language, or a mapping with one text per
     * language ({@code { en: "...", ko: "..." }}; languages: {@link io.promplan.core.workload.LocalText#LANGUAGES}).
     * Every output shows the text of its language (else the English one).
     */
    LOCAL_TEXT,
    /** An AWS region code such as ap-northeast-2. */
    REGION,
    /** A whole number. */
    INT,
    /** A whole number beyond int (series counts). */
    LONG,
    /** A number with a fraction. */
    DECIMAL,
    /** A Prometheus-style duration: 15s, 5m, 2h, 15d. */
    DURATION,
    /** One of a fixed set of words ({@link Field#allowed()}). */
    ENUM,
    /** true or false. */
    BOOL,
    /** A Fargate task size: CPU units / memory MiB. */
    SIZE,
    /** A version string such as 3.5. */
    VERSION,
    /** A list of texts. */
    STRINGS,
    /** A mapping of further keys. */
    OBJECT,
    /** A list of mappings (each element's keys are the fields under {@code path[]}). */
    LIST;

    /** Whether the value is a number (the form reads it as one, a range may be given for it). */
    public boolean numeric() {
        return this == INT || this == LONG || this == DECIMAL;
    }

    /** Whether the value is a whole number. */
    public boolean whole() {
        return this == INT || this == LONG;
    }
}
