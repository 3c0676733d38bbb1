package io.promplan.cli;

/** Output formats shared by the commands. */
public enum OutputFormat {
    table, json, csv
}
