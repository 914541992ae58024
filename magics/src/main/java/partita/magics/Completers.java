package partita.magics;

import java.util.List;
import java.util.Optional;

import partita.partition.Partition;
import partita.partition.PartitionedModel;
import partita.partition.Segment;
import partita.partition.SegmentAnalysis;

/** Tab completion of values that live in engine objects: segment names, a partition's columns. */
final class Completers {

    private Completers() {
    }

    /** Segment names of the model named by {@code model=} (default {@code model}). */
    static final Key.Completer SEGMENTS = (notebook, words) ->
            held(notebook, words.getOrDefault("model", "model"), PartitionedModel.class)
                    .map(m -> ((PartitionedModel<?>) m).segments().stream().map(Segment::name).toList())
                    .orElse(List.of());

    /** Columns that can be features of the partition named by {@code partition=}: never the target or a partition column. */
    static final Key.Completer PARTITION_COLUMNS = (notebook, words) ->
            held(notebook, words.getOrDefault("partition", "partition"), Partition.class)
                    .map(Partition::featureCandidates).orElse(List.of());

    /** Segment names of the partition named by {@code partition=}, for %%train body labels. */
    static final Key.Completer PARTITION_SEGMENTS = (notebook, words) ->
            held(notebook, words.getOrDefault("partition", "partition"), Partition.class)
                    .map(p -> p.analysis().rows().stream().map(SegmentAnalysis.Row::segment).toList()).orElse(List.of());

    private static <T> Optional<T> held(Notebook notebook, String name, Class<T> type) {
        if (notebook.variable(name).isEmpty()) {
            return Optional.empty();
        }
        Object value = notebook.value(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
