package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partita.kernel.ExecutedNotebook.data;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executes src/test/notebooks/magics-check.ipynb (every Partita magic on adult.csv, Java cells
 * using what they bound, and bad input) on the installed kernel and checks the outputs.
 */
class MagicsNotebookIT {

    private static ExecutedNotebook run;

    @BeforeAll
    static void execute() throws IOException {
        run = ExecutedNotebook.execute("magics-check");
    }

    /** The magic's result: text/plain and text/html both present; returns the text. */
    private static String shown(String source) {
        List<JsonNode> outputs = run.outputs(source);
        JsonNode result = outputs.get(outputs.size() - 1);
        assertEquals("execute_result", result.get("output_type").asText(), result.toString());
        assertTrue(data(result, "text/html").contains("<table") || data(result, "text/html").contains("<p"), result.toString());
        return data(result, "text/plain");
    }

    @Test
    void partitionTrainAndCompareOnAdult() {
        assertEquals("8140", run.result("var adult = Table.read().csv(\"../../../../notebooks/data/adult.csv\");\n"
                + "var split = DataSplit.of(adult, 0.25, 42);\nvar train = split.train();\nvar test = split.test();\ntest.rowCount()"));
        String partition = shown("%partition data=train target=income by=relationship min_size=300");
        assertTrue(partition.startsWith("7 segments of adult.csv by relationship (target income, classifier)"), partition);
        assertTrue(partition.contains("Husband             1   9960"), partition);
        assertTrue(data(run.only("%partition data=train target=income by=relationship min_size=300"), "text/html")
                .contains("partita-chart"), "the segment chart is in the html");

        List<JsonNode> train = run.outputs("%train max_depth=5");
        assertEquals("display_data", train.get(0).get("output_type").asText(), "the progress bar comes first");
        assertTrue(data(train.get(0), "text/plain").contains("7/7"), train.get(0).toString());
        assertTrue(shown("%train max_depth=5").contains("Training summary (classifier of income by relationship)"));
        assertEquals("7", run.result("model.trainedSegments().size()"));

        String compare = shown("%compare model=model test=test");
        assertTrue(compare.contains("ALL             8140"), compare);
        assertEquals("7 ALL", run.result("comparison.rows().size() + \" \" + comparison.overall().segment()"));
        String table = shown("comparison.table().first(2)");
        assertTrue(table.startsWith("segment  rows  single_auc  partitioned_auc"), table);
        String typed = shown("comparison");
        assertTrue(typed.matches("(?s)segment +rows +single_auc +partitioned_auc.*"), "a typed result shows as its table: " + typed);
        assertTrue(typed.contains("\nWife "), "every row, not only the first: " + typed);
        assertTrue(shown("%compare model=model data=train folds=3 as=cv").startsWith("3-fold cross-validated comparison (seed 42)"));
    }

    @Test
    void importanceExplainRefitMonitorSaveLoad() {
        assertTrue(shown("%importance model=model top=2").startsWith("Feature importance by segment (income)"));
        assertEquals("8", run.result("importance.table().columnCount()"), "feature + __dataset__ + 6 segments");
        assertTrue(shown("%explain model=model segment=Wife feature=age").startsWith("age: score by value"));
        assertTrue(shown("%explain model=model data=test row=3").startsWith("Row 3 is scored by Husband: base value 0.4430"));
        assertTrue(shown("%refit model=model segment=Husband max_depth=2 as=shallow").startsWith("Refit with {max_depth=2}"));
        assertEquals("2", run.result("shallow.model(\"Husband\").params().maxDepth()"));
        assertTrue(shown("%monitor model=model data=test threshold=0.99 min_new=10").startsWith("6 alert(s):"));
        assertEquals("true", run.result("monitoring.table().rowCount() > 0"));
        assertTrue(shown("%save model=model path=../../../target/it/magics-model.json").startsWith("Saved Partitioned classifier of income by relationship"));
        assertTrue(shown("%load path=../../../target/it/magics-model.json as=loaded").startsWith("Loaded Partitioned classifier of income by relationship"));
        assertEquals("true", run.result("java.util.Arrays.equals(model.predictScore(test), loaded.predictScore(test))"));
        assertEquals("42", run.result("fromScript"), "rapaio's own %load of a script still works");
    }

    @Test
    void cellFormsMapValuesAndSetSegmentFeatures() {
        assertTrue(shown("%%partition data=train target=income by=native_country min_size=100 as=regions\n"
                + "North America: United-States, Canada\n*: Other").startsWith("3 segments of adult.csv by native_country"));
        assertEquals("__dataset__, North America, Other",
                run.result("String.join(\", \", regions.analysis().table().stringColumn(\"segment\").asList())"));
        shown("%%train partition=regions max_depth=3 as=regionModel\nNorth America: max_depth=6 features=age,education_num,hours_per_week");
        assertEquals("age,education_num,hours_per_week",
                run.result("String.join(\",\", regionModel.model(\"North America\").features())"));
        assertTrue(shown("%train ?").startsWith("%train [partition=] [kind=classifier|regressor] [max_depth=]"));
    }

    @Test
    void optimisedModelsEverywhere() {
        String summary = shown("%train max_depth=5 optimise=true as=optimised");
        assertTrue(summary.contains("penalty"), summary);
        String side = shown("%compare model=optimised test=test against=model as=optComparison");
        assertTrue(side.startsWith("Models side by side on adult.csv"), side);
        assertEquals("true", run.result("optComparison.overall().partitioned().get(Metric.AUC) > 0.9"));
        assertTrue(shown("%explain model=optimised data=test row=3").contains("(scores in log-odds"));
        assertEquals("true 2", run.result("optShallow.model(\"Husband\").optimised() + \" \" + optShallow.model(\"Husband\").params().maxDepth()"));
        assertEquals("false true", run.result("mixedOpt.model(\"Husband\").optimised() + \" \" + mixedOpt.model(\"Wife\").optimised()"));
        assertEquals("true", run.result("java.util.Arrays.equals(optimised.predictProba(test), optLoaded.predictProba(test))"));
        assertTrue(run.error("%refit model=optLoaded max_depth=2", 1).contains("no training data in memory"));
        assertEquals("PartitaException: Parameter penalty got 'strong', which is not a number, e.g. penalty=8 (or auto).",
                run.error("%train optimise=true penalty=strong", 1));
    }

    @Test
    void badInputIsOneParagraphNamingTheFix() {
        assertTrue(run.error("%partition data=train target=incme by=relationship", 1)
                .startsWith("PartitaException: Unknown target column 'incme'. Did you mean: income?"));
        assertTrue(run.error("%partition data=nothere target=income by=relationship", 1)
                .startsWith("PartitaException: Unknown notebook variable 'nothere'."));
        assertEquals("PartitaException: Parameter max_depth=-3 is out of bounds: it must be >= 0. Pick a value within the "
                + "bound (default 8).", run.error("%train max_depth=-3", 1));
        assertTrue(run.error("%train maxdepth=3", 1).startsWith("PartitaException: Unknown %train key 'maxdepth'. Did you mean: max_depth?"));
        assertTrue(run.error("%compare model=train test=test", 1).contains("holds a Table, not a PartitionedModel"));
        assertTrue(run.error("%explain model=model segment=Husbnd", 1).contains("Did you mean: Husband?"));
        assertTrue(run.error("%load path=../../../target/it/no-such-model.json", 1).contains("no model file"));
        assertTrue(run.error("%save model=model path=/proc/partita/model.json", 1).contains("any previous file there is unchanged"));
        assertTrue(run.error("%partition data=train target=income by=relationship min_size=1,2,3", 1)
                .contains("give one value, or one per level"));
        assertTrue(run.error("%partition data=train target=income kind=regressor by=sex as=wrongKind", 1)
                .contains("'income' has type STRING, but this model predicts numbers"));
        assertEquals("PartitaException: top=0 shows nothing: give at least 1 (default 5).",
                run.error("%importance model=model top=0", 1));
        assertEquals("PartitaException: System.exit(0) is not allowed in a notebook cell: it would end the kernel and"
                + " lose every variable. The session goes on; to start afresh use Kernel > Restart.",
                run.error("System.exit(0);", 1));
        assertTrue(run.error("Runtime.getRuntime().halt(3);", 1).contains("is not allowed in a notebook cell"));
        assertEquals("PartitaException: folds= refits both models on the rows given, fold by fold: name them data=, not"
                + " test= (e.g. %compare model=model data=train folds=3).", run.error("%compare model=model test=train folds=3", 1));
        assertEquals("still alive 24421", run.result("\"still alive \" + train.rowCount()"), "the session and its variables live on");
        assertTrue(run.error("\"wrongKind bound: \" + (wrongKind != null)", 5).startsWith("CompilerException"),
                "a failed %partition binds nothing");
    }
}
