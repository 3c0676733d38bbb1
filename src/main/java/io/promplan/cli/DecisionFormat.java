package io.promplan.cli;

/** Output formats of the decision commands: a text table, JSON, CSV (spreadsheets) or Markdown (wikis). */
public enum DecisionFormat {
    table, json, csv, md
}
