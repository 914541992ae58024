package partita.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import partita.PartitaException;
import partita.model.Kind;
import partita.model.Params;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.Policy;
import partita.partition.ScoreReference;
import partita.partition.Segment;
import partita.partition.SegmentStatus;
import partita.partition.segment.Derivation;
import partita.partition.segment.KeyType;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.ValueMapping;

/**
 * The body of a partitioned model file (the header, version check and atomic write are
 * {@link ModelFiles}'). Segment models are stored with {@link ModelJson}; segment keys as typed
 * JSON values (text, integer, float, boolean, null for missing), so 1 and "1" stay apart after
 * loading.
 */
final class PartitionedJson {

    private static final String PREFIX = "partitioned-";
    static final String CLASSIFIER = PREFIX + Kind.CLASSIFIER.label();
    static final String REGRESSOR = PREFIX + Kind.REGRESSOR.label();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PartitionedJson() {
    }

    /** The file kind of a partitioned model. */
    static String kindOf(PartitionedModel<?> m) {
        return PREFIX + m.kind().label();
    }

    static ObjectNode write(PartitionedModel<?> m) {
        ObjectNode body = NODES.objectNode();
        body.put("target", m.target());
        body.set("features", strings(m.features()));
        ArrayNode levels = body.putArray("levels");
        for (int i = 0; i < m.spec().depth(); i++) {
            Level l = m.spec().levels().get(i);
            ObjectNode ln = levels.addObject();
            ln.put("column", l.column());
            ln.put("derive", l.derivation() == null ? null : l.derivation().label());
            ln.put("min_size", l.minSize());
            ln.put("source", m.keyTypes().get(i).name().toLowerCase(Locale.ROOT));
            if (l.mapping() != null) {
                ObjectNode mn = ln.putObject("mapping");
                ObjectNode groups = mn.putObject("groups");
                l.mapping().groups().forEach((g, vs) -> groups.set(g, strings(vs)));
                mn.put("catch_all", l.mapping().catchAll());
            }
        }
        body.set("training", trainer(m.trainer()));
        ArrayNode segments = body.putArray("segments");
        for (Segment s : m.segments()) {
            ObjectNode sn = segments.addObject();
            ArrayNode key = sn.putArray("key");
            s.key().values().forEach(v -> key.add(typed(v)));
            sn.put("status", s.status().name());
            sn.put("reason", s.reason());
            sn.put("rows", s.rows());
            sn.set("params", s.params() == null ? NODES.nullNode() : ModelJson.MAPPER.valueToTree(s.params().asMap()));
            sn.set("features", strings(s.features()));
            sn.put("fit_ms", s.fitMillis());
            sn.set("training_metric", Double.isFinite(s.trainingMetric()) ? NODES.numberNode(s.trainingMetric())
                    : NODES.nullNode());
            if (s.reference() != null) {
                ObjectNode rn = sn.putObject("reference");
                rn.set("edges", doubles(s.reference().edges()));
                rn.set("shares", doubles(s.reference().shares()));
            }
            sn.set("model", s.model() == null ? NODES.nullNode() : ModelJson.toJson(s.model()));
        }
        return body;
    }

    /** The training settings: params, policy, features, per-segment overrides and features, guard. */
    private static ObjectNode trainer(PartitionedTrainer<?> t) {
        ObjectNode n = NODES.objectNode();
        n.set("params", ModelJson.MAPPER.valueToTree(t.params().asMap()));
        n.put("policy", t.policy().name());
        n.set("features", t.features() == null ? NODES.nullNode() : strings(t.features()));
        n.set("overrides", ModelJson.MAPPER.valueToTree(t.overrides()));
        n.set("segment_features", ModelJson.MAPPER.valueToTree(t.segmentFeatures()));
        if (t.guard() != null) {
            n.putObject("guard").put("holdout", t.guard().holdout()).put("seed", t.guard().seed());
        }
        return n;
    }

    private static PartitionedTrainer<?> trainer(Kind kind, JsonNode n, PartitionSpec spec) {
        PartitionedTrainer<?> t = PartitionedTrainer.of(kind.estimator(params(field(n, "params"))), spec)
                .policy(Policy.valueOf(text(field(n, "policy"), "policy")));
        JsonNode features = field(n, "features");
        if (!features.isNull()) {
            t = t.features(stringList(features, "features"));
        }
        for (Map.Entry<String, JsonNode> e : iterable(field(n, "overrides"))) {
            Map<String, String> settings = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(kv -> settings.put(kv.getKey(), kv.getValue().asText()));
            t = t.override(e.getKey(), b -> {
                settings.forEach(b::set);
                return b;
            });
        }
        for (Map.Entry<String, JsonNode> e : iterable(field(n, "segment_features"))) {
            t = t.features(e.getKey(), stringList(e.getValue(), "segment_features").toArray(String[]::new));
        }
        JsonNode guard = n.get("guard");
        return guard == null ? t : t.guarded(field(guard, "holdout").asDouble(), field(guard, "seed").asLong());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static Params params(JsonNode n) {
        Params.Builder b = Params.builder();
        n.fields().forEachRemaining(e -> b.set(e.getKey(), e.getValue().asText()));
        return b.build();
    }

    static PartitionedModel<?> read(String kind, JsonNode body) {
        try {
            return readBody(kind, body);
        } catch (PartitaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged("it could not be read (" + e.getMessage() + ")");
        }
    }

    private static PartitionedModel<?> readBody(String kind, JsonNode body) {
        String target = text(field(body, "target"), "target");
        List<String> features = stringList(field(body, "features"), "features");
        List<Level> levels = new ArrayList<>();
        List<KeyType> sources = new ArrayList<>();
        for (JsonNode ln : array(field(body, "levels"), "levels")) {
            JsonNode derive = ln.get("derive");
            ValueMapping mapping = null;
            JsonNode mn = ln.get("mapping");
            if (mn != null && !mn.isNull()) {
                Map<String, List<String>> groups = new LinkedHashMap<>();
                field(mn, "groups").fields().forEachRemaining(e -> groups.put(e.getKey(), stringList(e.getValue(),
                        "mapping group")));
                JsonNode catchAll = mn.get("catch_all");
                mapping = new ValueMapping(groups, catchAll == null || catchAll.isNull() ? null : catchAll.asText());
            }
            levels.add(new Level(text(field(ln, "column"), "column"),
                    derive == null || derive.isNull() ? null : Derivation.parse(derive.asText()), mapping,
                    field(ln, "min_size").asInt()));
            sources.add(KeyType.valueOf(text(field(ln, "source"), "source").toUpperCase(Locale.ROOT)));
        }
        List<Segment> segments = new ArrayList<>();
        int index = 0;
        for (JsonNode sn : array(field(body, "segments"), "segments")) {
            segments.add(segment(kind, sn, index++));
        }
        if (segments.isEmpty() || segments.get(0).model() == null) {
            throw damaged("its first segment is not a trained __dataset__ model");
        }
        PartitionedTrainer<?> trainer = trainer(Kind.parse(kind.substring(PREFIX.length())), field(body, "training"),
                new PartitionSpec(levels));
        return PartitionedModel.restore(trainer, target, features, sources, segments);
    }

    /** segments[index] of a file, checked: a trained segment has a model of the file's kind, others none. */
    private static Segment segment(String kind, JsonNode sn, int index) {
        String where = "segments[" + index + "]";
        try {
            List<Object> key = new ArrayList<>();
            for (JsonNode v : array(field(sn, "key"), "key")) {
                key.add(untyped(v));
            }
            JsonNode pn = field(sn, "params");
            Params params = pn.isNull() ? null : params(pn);
            JsonNode metric = field(sn, "training_metric");
            JsonNode rn = sn.get("reference");
            ScoreReference ref = rn == null || rn.isNull() ? null
                    : new ScoreReference(doubleArray(field(rn, "edges")), doubleArray(field(rn, "shares")));
            where += " (" + SegmentKey.of(key).name() + ")";
            String statusText = text(field(sn, "status"), "status");
            SegmentStatus status = java.util.Arrays.stream(SegmentStatus.values())
                    .filter(st -> st.name().equals(statusText)).findFirst()
                    .orElseThrow(() -> damaged("status '" + statusText + "' is not a segment status"));
            JsonNode model = field(sn, "model");
            TransparentModel tm = model.isNull() ? null : ModelJson.fromJson(model);
            if (status == SegmentStatus.TRAINED && tm == null) {
                throw damaged("it is trained but its model is null");
            }
            if (status != SegmentStatus.TRAINED && tm != null) {
                throw damaged("it is " + status.label() + " but has a model");
            }
            Kind expected = Kind.parse(kind.substring(PREFIX.length()));
            if (tm != null && tm.kind() != expected) {
                throw damaged("its model is a " + tm.kind().label() + " in a partitioned " + expected.label());
            }
            return new Segment(SegmentKey.of(key), status, text(field(sn, "reason"), "reason"), field(sn, "rows").asInt(),
                    params, stringList(field(sn, "features"), "features"), tm, field(sn, "fit_ms").asLong(),
                    metric.isNull() ? Double.NaN : metric.asDouble(), ref);
        } catch (PartitaException e) {
            throw new PartitaException("at " + where + ": " + e.getMessage(), e);
        }
    }

    private static PartitaException damaged(String why) {
        return new PartitaException("The partitioned model file is damaged: " + why + ". Save the model again;"
                + " files are only readable as written by save.");
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null) {
            throw damaged("field '" + name + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw damaged("field '" + name + "' is not text");
        }
        return node.asText();
    }

    private static JsonNode array(JsonNode node, String name) {
        if (!node.isArray()) {
            throw damaged("field '" + name + "' is not a list");
        }
        return node;
    }

    private static List<String> stringList(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        array(node, name).forEach(v -> out.add(text(v, name)));
        return out;
    }

    private static double[] doubleArray(JsonNode node) {
        double[] out = new double[array(node, "reference").size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode doubles(double[] values) {
        ArrayNode a = NODES.arrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonNode typed(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        return NODES.booleanNode((Boolean) v);
    }

    private static Object untyped(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        throw damaged("a segment key holds " + v.getNodeType());
    }
}
