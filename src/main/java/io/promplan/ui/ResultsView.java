package io.promplan.ui;

import io.promplan.core.plan.Plan;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.jfree.chart.fx.ChartViewer;

/**
 * The results: the summary block for managers, the cost table (alternative, line, how each quantity
 * was computed), the plan's baseline line by line, the charts, sizing, ROI and warnings. Redrawn on
 * the JavaFX thread whenever new results arrive or the language changes.
 */
final class ResultsView {
    private final MainViewModel vm;
    private final I18n t;

    private final VBox summary = new VBox(2);
    private final Label stale = new Label();
    private final Label whatIf = new Label();
    private final TreeTableView<ResultsPresenter.CostNode> costTree = new TreeTableView<>();
    private final TableView<ResultsPresenter.BaselineDisplay> baseline = new TableView<>();
    private final TableView<ResultsPresenter.BaselineDisplay> baselineCw = new TableView<>();
    private final Label baselineSummary = new Label();
    private final TableView<ResultsPresenter.SizingRow> sizing = new TableView<>();
    private final VBox demand = new VBox(2);
    private final VBox roi = new VBox(4);
    private final ListView<String> warnings = new ListView<>();
    private final Tab warningsTab = new Tab();
    private final ChartViewer costChart = viewer("chart-cost");
    private final ChartViewer servicesChart = viewer("chart-services");
    private final ChartViewer storageChart = viewer("chart-storage");
    private final ChartViewer breakEvenChart = viewer("chart-break-even");
    private final Label storageLegend = new Label();

    private final DecisionViewModel decisions;
    /** The money columns of the baseline tables, fitted to their widest amount (Korean "US$1,779.60" included) whenever rows change. */
    private final java.util.Map<TableColumn<ResultsPresenter.BaselineDisplay, String>, Function<ResultsPresenter.BaselineDisplay, String>> moneyColumns
            = new java.util.LinkedHashMap<>();
    private TreeTableColumn<ResultsPresenter.CostNode, String> monthlyColumn;
    private final TabPane views = new TabPane();
    private final Tab planTab = new Tab();
    private final Tab decisionTab = new Tab();
    private boolean decisionViewsBuilt;

    ResultsView(MainViewModel vm, DecisionViewModel decisions) {
        this.vm = vm;
        this.t = vm.i18n();
        for (ChartViewer v : List.of(costChart, servicesChart, storageChart, breakEvenChart)) {
            ChartMenus.localize(v, t);
        }
        this.decisions = decisions;
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        v.setMinSize(200, 160);
        return v;
    }

    Node build() {
        summary.setId("summary");
        summary.getStyleClass().add("summary");
        summary.setPadding(new Insets(8));
        stale.setId("stale");
        stale.getStyleClass().add("stale");
        stale.textProperty().bind(t.bind("results.stale"));
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        stale.setWrapText(true);

        buildCostTree();
        buildBaseline(baseline, "baseline-table");
        buildBaseline(baselineCw, "baseline-cw-table");
        buildSizing();
        warnings.setId("warnings");
        warnings.setCellFactory(l -> wrapping());

        TabPane baselineTabs = new TabPane(
                tab("results.baselineStack", new BorderPane(baseline, baselineSummary, null, null, null)),
                tab("results.baselineCw", baselineCw));
        baselineTabs.setId("baseline-tabs");
        baselineSummary.setWrapText(true);
        baselineSummary.setPadding(new Insets(4));
        baselineSummary.setId("baseline-summary");

        VBox costBox = titled("results.cost", costTree);
        VBox baselineBox = titled("results.baseline", baselineTabs);
        SplitPane left = new SplitPane(costBox, baselineBox);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.52);

        TabPane charts = new TabPane(
                tab("chart.tab.cost", costChart),
                tab("chart.tab.services", servicesChart),
                tab("chart.tab.storage", storageChart),
                tab("chart.tab.breakEven", breakEvenChart));
        charts.setId("charts");
        VBox sizingBox = new VBox(4, demand, sizing);
        VBox.setVgrow(sizing, Priority.ALWAYS);
        sizingBox.setPadding(new Insets(4));
        roi.setPadding(new Insets(8));
        warningsTab.setContent(warnings);
        warningsTab.setClosable(false);
        TabPane details = new TabPane(tab("results.sizing", sizingBox), tab("results.roi", roi), warningsTab);
        details.setId("details");
        SplitPane right = new SplitPane(charts, details);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);

        SplitPane body = new SplitPane(left, right);
        body.setDividerPositions(0.6);

        whatIf.setId("what-if");
        whatIf.getStyleClass().add("what-if");
        whatIf.setWrapText(true);
        whatIf.textProperty().bind(vm.whatIfProperty());
        whatIf.visibleProperty().bind(vm.whatIfProperty().isNotEmpty());
        whatIf.managedProperty().bind(whatIf.visibleProperty());
        javafx.scene.control.ScrollPane summaryScroll = new javafx.scene.control.ScrollPane(summary);
        summaryScroll.setId("summary-scroll");
        summaryScroll.setFitToWidth(true);
        summaryScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        summaryScroll.setMinHeight(60);
        VBox top = new VBox(4, stale, whatIf, summaryScroll);
        VBox.setVgrow(summaryScroll, Priority.ALWAYS);
        top.setPadding(new Insets(4, 4, 0, 4));
        top.setMinHeight(0);
        decisionTab.setId("tab-decision");
        planTab.setId("tab-plan");
        // the decision views are built when first shown: nothing of them before the first frame
        views.getTabs().setAll(tab("results.tab.plan", body, planTab), tab("results.tab.decision", new Label(), decisionTab));
        decisionTab.selectedProperty().addListener((o, a, b) -> {
            if (b && !decisionViewsBuilt) {
                decisionViewsBuilt = true;
                decisionTab.setContent(new DecisionViews(decisions, t).build());
            }
        });
        views.setId("result-views");
        // the answer above, the tables and charts below; the divider moves (the answer scrolls when it is longer)
        SplitPane root = new SplitPane(top, views);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.42);
        root.setId("results-split");
        vm.resultsProperty().addListener((o, a, b) -> {
            if (a != null && b != null && a.plan() == b.plan()) {
                renderSweep(); // the same plan, its sweep arrived
            } else {
                render();
            }
        });
        t.localeProperty().addListener((o, a, b) -> render());
        // the verdict follows the decision computed for the plan on screen
        decisions.decisionProperty().addListener((o, a, b) -> renderVerdict());
        decisions.computingProperty().addListener((o, a, b) -> renderVerdict());
        decisions.errorProperty().addListener((o, a, b) -> renderVerdict());
        render();
        return root;
    }

    /** Shows the plan's results or the decision views. */
    void showDecision(boolean decision) {
        views.getSelectionModel().select(decision ? decisionTab : planTab);
    }

    private Tab tab(String key, Node content) {
        return tab(key, content, new Tab());
    }

    private Tab tab(String key, Node content, Tab tab) {
        tab.textProperty().bind(t.bind(key));
        tab.setContent(content);
        tab.setClosable(false);
        return tab;
    }

    private VBox titled(String key, Node content) {
        Label l = new Label();
        l.textProperty().bind(t.bind(key));
        l.getStyleClass().add("section");
        VBox box = new VBox(2, l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    private static ListCell<String> wrapping() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    Text text = new Text(item);
                    text.wrappingWidthProperty().bind(getListView().widthProperty().subtract(30));
                    setGraphic(text);
                    setText(null);
                }
            }
        };
    }

    // ---- tables ------------------------------------------------------------------------------

    private void buildCostTree() {
        costTree.setId("cost-table");
        costTree.setShowRoot(false);
        // every column shares the width; the long texts (line, formula, price source) wrap in their cells, the full
        // text in a tooltip too; the money column is as wide as its widest amount; no header is cut (fitHeaders)
        costTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TreeTableColumn<ResultsPresenter.CostNode, String> monthly = treeColumn("cost.col.monthly", ResultsPresenter.CostNode::monthly, 80);
        monthlyColumn = monthly;
        monthly.setMinWidth(78);
        monthly.setStyle("-fx-alignment: TOP-RIGHT;");
        TreeTableColumn<ResultsPresenter.CostNode, String> item = treeColumn("cost.col.item", ResultsPresenter.CostNode::label, 150);
        TreeTableColumn<ResultsPresenter.CostNode, String> formula = treeColumn("cost.col.formula", ResultsPresenter.CostNode::formula, 190);
        TreeTableColumn<ResultsPresenter.CostNode, String> source = treeColumn("cost.col.source",
                n -> n.status().isEmpty() ? n.source() : n.status() + " · " + n.source(), 185);
        item.setMinWidth(120);
        formula.setMinWidth(120);
        source.setMinWidth(90);
        formula.setCellFactory(col -> wrappingTreeCell(col, 0));
        source.setCellFactory(col -> wrappingTreeCell(col, 0));
        item.setCellFactory(col -> wrappingTreeCell(col, 28));
        costTree.getColumns().setAll(List.of(item, formula, monthly, source));
        costTree.setRowFactory(tv -> new TreeTableRow<>() {
            @Override
            protected void updateItem(ResultsPresenter.CostNode item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("missing-row", "alternative-row");
                if (!empty && item != null) {
                    if (item.missing()) {
                        getStyleClass().add("missing-row");
                    }
                    if (getTreeItem() != null && getTreeItem().getParent() == costTree.getRoot()) {
                        getStyleClass().add("alternative-row");
                    }
                }
            }
        });
    }

    /** A tree cell whose text wraps within its column (less {@code indent} for the tree's arrow), with the whole text as its tooltip. */
    private static <S> javafx.scene.control.TreeTableCell<S, String> wrappingTreeCell(TreeTableColumn<S, String> col, double indent) {
        return new javafx.scene.control.TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    Text text = new Text(item);
                    int level = getTableRow() == null || getTableRow().getTreeItem() == null ? 0
                            : Math.max(0, getTreeTableView().getTreeItemLevel(getTableRow().getTreeItem()) - 1);
                    text.wrappingWidthProperty().bind(col.widthProperty().subtract(12 + (indent > 0 ? indent + 12 * level : 0)));
                    text.getStyleClass().add("text");
                    setGraphic(text);
                    setTooltip(tip(item));
                }
                setText(null);
            }
        };
    }

    private static javafx.scene.control.Tooltip tip(String text) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    /**
     * No column header is cut: the headers wrap on two lines (promplan.css), so each column is at least as wide as
     * its longest word and half its header (in bold); again when the language changes.
     */
    private void fitHeaders() {
        List<Object> columns = new java.util.ArrayList<>();
        for (TableView<?> tv : List.of(baseline, baselineCw, sizing)) {
            columns.addAll(tv.getColumns());
        }
        columns.addAll(costTree.getColumns());
        for (Object o : columns) {
            javafx.scene.control.TableColumnBase<?, ?> c = (javafx.scene.control.TableColumnBase<?, ?>) o;
            c.setMinWidth(Math.max(c.getMinWidth(), headerWidth(c.getText())));
        }
    }

    static double headerWidth(String header) {
        String h = header == null ? "" : header;
        double word = 0;
        for (String w : h.split("\\s+")) {
            word = Math.max(word, textWidth(w, true));
        }
        return Math.max(word, textWidth(h, true) / 2 + 12);
    }

    private TreeTableColumn<ResultsPresenter.CostNode, String> treeColumn(String key, Function<ResultsPresenter.CostNode, String> f, double width) {
        TreeTableColumn<ResultsPresenter.CostNode, String> c = new TreeTableColumn<>();
        c.textProperty().bind(t.bind(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? "" : f.apply(d.getValue().getValue())));
        return c;
    }

    private void buildBaseline(TableView<ResultsPresenter.BaselineDisplay> table, String id) {
        table.setId(id);
        // all columns share the width, so that the last ("Why") is never pushed out at the right; it wraps
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ResultsPresenter.BaselineDisplay, String> why = column("baseline.col.why", ResultsPresenter.BaselineDisplay::why, 300);
        why.setMinWidth(120);
        TableColumn<ResultsPresenter.BaselineDisplay, String> plan = column("baseline.col.plan", ResultsPresenter.BaselineDisplay::plan, 120);
        TableColumn<ResultsPresenter.BaselineDisplay, String> computed = column("baseline.col.computed", ResultsPresenter.BaselineDisplay::computed, 80);
        TableColumn<ResultsPresenter.BaselineDisplay, String> delta = column("baseline.col.delta", ResultsPresenter.BaselineDisplay::delta, 75);
        moneyColumns.put(plan, ResultsPresenter.BaselineDisplay::plan);
        moneyColumns.put(computed, ResultsPresenter.BaselineDisplay::computed);
        moneyColumns.put(delta, ResultsPresenter.BaselineDisplay::delta);
        plan.setMinWidth(70);
        computed.setMinWidth(72);
        delta.setMinWidth(68);
        TableColumn<ResultsPresenter.BaselineDisplay, String> line = column("baseline.col.line", ResultsPresenter.BaselineDisplay::name, 130);
        line.setMinWidth(90);
        plan.setCellFactory(col -> wrappingCell(col)); // a range "US$105.00 - US$116.00" wraps at its dash, each amount whole
        line.setCellFactory(col -> wrappingCell(col));
        why.setCellFactory(col -> wrappingCell(col));
        table.getColumns().setAll(List.of(line, plan, computed, delta, why));
        table.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ResultsPresenter.BaselineDisplay item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("total-row");
                if (!empty && item != null && item.total()) {
                    getStyleClass().add("total-row");
                }
            }
        });
        table.setPlaceholder(placeholder("baseline.none"));
    }

    private static <S> TableCell<S, String> wrappingCell(TableColumn<S, String> col) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    Text text = new Text(item);
                    text.wrappingWidthProperty().bind(col.widthProperty().subtract(10));
                    setGraphic(text);
                    setTooltip(tip(item));
                }
                setText(null);
            }
        };
    }

    private void buildSizing() {
        sizing.setId("sizing-table");
        sizing.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sizing.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sizing.getColumns().setAll(List.of(
                column("sizing.col.component", ResultsPresenter.SizingRow::component, 110),
                column("sizing.col.size", ResultsPresenter.SizingRow::size, 110),
                column("sizing.col.need", r -> r.need() + " → " + r.withHeadroom(), 165),
                column("sizing.col.how", ResultsPresenter.SizingRow::how, 110)));
        for (TableColumn<ResultsPresenter.SizingRow, ?> c : sizing.getColumns()) {
            @SuppressWarnings("unchecked")
            TableColumn<ResultsPresenter.SizingRow, String> sc = (TableColumn<ResultsPresenter.SizingRow, String>) c;
            sc.setCellFactory(col -> wrappingCell(col));
        }
        demand.setId("demand");
    }

    private Label placeholder(String key) {
        Label l = new Label();
        l.textProperty().bind(t.bind(key));
        return l;
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> f, double width) {
        TableColumn<S, String> c = new TableColumn<>();
        c.textProperty().bind(t.bind(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    // ---- rendering ---------------------------------------------------------------------------

    private void render() {
        Plan p = vm.plan();
        if (p == null) {
            summary.getChildren().setAll(new Label(t.get("results.waiting")));
            return;
        }
        ResultsPresenter pr = new ResultsPresenter(t);
        renderSummary(pr.summary(p));
        StartupTrace.afterNextPulse(summary.getScene(), StartupTrace.ANSWER);
        renderCostTree(pr.costTree(p));
        baseline.getItems().setAll(pr.baselineRows(p, false));
        baselineCw.getItems().setAll(pr.baselineRows(p, true));
        fitMoneyColumns();
        fitHeaders();
        ResultsPresenter.Summary sum = pr.summary(p);
        baselineSummary.setText(sum.difference());
        sizing.getItems().setAll(pr.sizingRows(p));
        demand.getChildren().setAll(pr.demand(p).stream().map(ResultsView::wrapped).toList());
        roi.getChildren().setAll(pr.roiLines(p).stream().map(ResultsView::wrapped).toList());
        List<String> ws = pr.warnings(p);
        warnings.getItems().setAll(ws);
        warningsTab.setText(t.get("results.warnings", ws.size()));
        warningsTab.setTooltip(new javafx.scene.control.Tooltip(CompareViewModel.warningCount(p, t)));
        ChartFactory charts = new ChartFactory(t);
        costChart.setChart(charts.costByAlternative(p));
        storageChart.setChart(charts.storageGrowth(p));
        breakEvenChart.setChart(charts.breakEven(p));
        renderSweep();
    }

    private void renderSweep() {
        PlanResults r = vm.results();
        if (r != null) {
            servicesChart.setChart(new ChartFactory(t).costByServices(r.sweep(), r.plan().scenario().workload().serviceCount()));
        }
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private final Label verdict = new Label();
    private final Label verdictRuns = new Label();
    private final Label cloudwatchOnly = new Label();
    private final VBox cloudwatchOnlyWhy = new VBox(1);
    private final Label mainRisk = new Label();
    private final List<Label> cwWhyLabels = new java.util.ArrayList<>();

    /** The recommendation, its run count, CloudWatch-only against the plan and the main risk, for the plan on screen. */
    private void renderVerdict() {
        Plan p = vm.plan();
        if (p == null) {
            return;
        }
        ResultsPresenter.Verdict v = new ResultsPresenter(t).verdict(p, decisions.decision(), decisions.errorProperty().get(), decisions.runs());
        verdict.setText(t.get("verdict.title") + " " + v.recommendation());
        verdict.getStyleClass().removeAll("verdict-pending");
        if (!v.current()) {
            verdict.getStyleClass().add("verdict-pending");
        } else {
            StartupTrace.afterNextPulse(summary.getScene(), StartupTrace.VERDICT);
        }
        verdictRuns.setText(v.basis().isEmpty() ? v.runs() : v.basis() + "\n" + v.runs());
        verdictRuns.setVisible(!v.runs().isEmpty() || !v.basis().isEmpty());
        verdictRuns.setManaged(verdictRuns.isVisible());
        cloudwatchOnly.setText(v.cloudwatchOnly());
        cloudwatchOnly.setVisible(!v.cloudwatchOnly().isEmpty());
        cloudwatchOnly.setManaged(cloudwatchOnly.isVisible());
        summary.getChildren().removeAll(cwWhyLabels);
        cwWhyLabels.clear();
        int at = summary.getChildren().indexOf(cloudwatchOnly) + 1;
        for (String w : v.cloudwatchOnlyWhy()) {
            Label l = new Label("• " + w);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("summary-why");
            cwWhyLabels.add(l);
        }
        if (at > 0) {
            summary.getChildren().addAll(at, cwWhyLabels);
        }
        mainRisk.setText(v.mainRisk().isEmpty() ? "" : t.get("verdict.risk", v.mainRisk()));
        mainRisk.setVisible(!v.mainRisk().isEmpty());
        mainRisk.setManaged(mainRisk.isVisible());
    }

    private void renderSummary(ResultsPresenter.Summary s) {
        summary.getChildren().clear();
        Label head = new Label(t.get("summary.title"));
        head.getStyleClass().add("summary-title");
        summary.getChildren().add(head);
        verdict.setId("verdict");
        verdict.getStyleClass().setAll("label", "verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdictRuns.setId("verdict-basis");
        verdictRuns.getStyleClass().setAll("label", "verdict-runs");
        verdictRuns.setWrapText(true);
        verdictRuns.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cloudwatchOnly.setId("summary-cloudwatch-only");
        cloudwatchOnly.getStyleClass().setAll("label", "summary-baseline");
        cloudwatchOnly.setWrapText(true);
        cloudwatchOnly.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        mainRisk.setId("main-risk");
        mainRisk.getStyleClass().setAll("label", "main-risk");
        mainRisk.setWrapText(true);
        mainRisk.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getChildren().addAll(verdict, verdictRuns, mainRisk);
        for (String total : s.totals()) {
            Label l = new Label(total);
            l.getStyleClass().add("summary-total");
            summary.getChildren().add(l);
        }
        if (!s.baseline().isEmpty()) {
            Label b = new Label(s.baseline() + "  " + s.difference());
            b.getStyleClass().add("summary-baseline");
            b.setId("summary-difference");
            b.setWrapText(true);
            b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            summary.getChildren().add(b);
        } else {
            summary.getChildren().add(new Label(s.difference()));
        }
        for (String w : s.why()) {
            Label l = new Label("• " + w);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("summary-why");
            summary.getChildren().add(l);
        }
        summary.getChildren().add(cloudwatchOnly);
        Label roiLine = new Label(s.roi());
        roiLine.getStyleClass().add("summary-roi");
        roiLine.setWrapText(true);
        roiLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getChildren().add(roiLine);
        renderVerdict();
    }

    /** Width of a text in the app's font (bold for totals), with the cell's padding. */
    private static double textWidth(String s, boolean bold) {
        javafx.scene.text.Text x = new javafx.scene.text.Text(s);
        x.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                bold ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, 12));
        return x.getLayoutBounds().getWidth() + 18;
    }

    /** Money columns never cut: each at least as wide as its widest amount and its header. */
    private void fitMoneyColumns() {
        moneyColumns.forEach((col, f) -> {
            double w = textWidth(col.getText() == null ? "" : col.getText(), true);
            for (var table : List.of(baseline, baselineCw)) {
                for (ResultsPresenter.BaselineDisplay r : table.getItems()) {
                    for (String amount : f.apply(r).split(" - ")) { // a range may wrap at its dash; each amount stays whole
                        w = Math.max(w, textWidth(amount, r.total()));
                    }
                }
            }
            col.setMinWidth(w);
        });
    }

    private void renderCostTree(List<ResultsPresenter.CostNode> nodes) {
        if (monthlyColumn != null) {
            double w = textWidth(monthlyColumn.getText() == null ? "" : monthlyColumn.getText(), true);
            for (ResultsPresenter.CostNode a : nodes) {
                w = Math.max(w, textWidth(a.monthly(), true));
                for (ResultsPresenter.CostNode l : a.children()) {
                    w = Math.max(w, textWidth(l.monthly(), false));
                }
            }
            monthlyColumn.setMinWidth(w);
        }
        TreeItem<ResultsPresenter.CostNode> root = new TreeItem<>();
        for (ResultsPresenter.CostNode alt : nodes) {
            TreeItem<ResultsPresenter.CostNode> a = new TreeItem<>(alt);
            a.setExpanded(true);
            for (ResultsPresenter.CostNode line : alt.children()) {
                TreeItem<ResultsPresenter.CostNode> l = new TreeItem<>(line);
                for (ResultsPresenter.CostNode how : line.children()) {
                    l.getChildren().add(new TreeItem<>(how));
                }
                a.getChildren().add(l);
            }
            root.getChildren().add(a);
        }
        costTree.setRoot(root);
    }
}
