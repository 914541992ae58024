package partita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import partita.io.ModelFiles;
import partita.model.XClassifier;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Model file size, save and load time of a large partitioned model: 1.2M rows x 20 numeric
 * features by 5 regions (6 models, thousands of leaves). Run from the repository root:
 * <pre>
 * mvn -B -q -ntp -pl src test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -cp %classpath partita.bench.FileBenchmark"
 * </pre>
 */
public final class FileBenchmark {

    private FileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_200_000;
        Table t = EngineBenchmark.synthetic(n, 20, 11);
        List<String> features = new ArrayList<>(EngineBenchmark.featureNames());
        StringColumn region = StringColumn.create("region");
        for (int i = 0; i < n; i++) {
            region.append("region-" + (i * 31 % 5));
        }
        t.addColumns(region);
        t.removeColumns("amount");
        PartitionedModel<?> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("region")).features(features).fit(t, "label");
        int leaves = m.trainedSegments().stream().mapToInt(s -> m.model(s).leafCount()).sum();
        Path file = Files.createTempDirectory("partita-bench").resolve("model.json");
        long[] save = new long[5];
        long[] load = new long[5];
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            ModelFiles.save(m, file);
            save[r] = System.nanoTime() - start;
            start = System.nanoTime();
            ModelFiles.load(file, Object.class);
            load[r] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(save);
        java.util.Arrays.sort(load);
        System.out.printf(Locale.ROOT, "%,d rows x %d features by region (%d models, %,d leaves): file %.2f MB, save %.0f ms"
                        + " (read back and compared included), load %.0f ms (medians of 5); max heap %d MB%n", n,
                features.size(), m.trainedSegments().size(), leaves, Files.size(file) / 1e6, save[2] / 1e6, load[2] / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
