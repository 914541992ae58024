package partita.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import partita.PartitaException;
import partita.model.FeatureData;
import partita.model.Leaf;
import partita.model.ModelData;
import partita.model.Params;
import partita.model.SplitStats;
import partita.model.TransparentModel;

/**
 * JSON form of a transparent model (also embedded in partitioned model files). Doubles are
 * written in Java's round-trip representation, so a loaded model predicts bit for bit the
 * same; NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity".
 */
public final class ModelJson {

    /** The one shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelJson() {
    }

    public static ObjectNode toJson(TransparentModel model) {
        ModelData d = model.snapshot();
        ObjectNode o = NODES.objectNode();
        o.put("kind", d.kind());
        o.put("target", d.target());
        o.set("labels", labels(d.labels()));
        o.set("params", params(d.params()));
        o.put("training_rows", d.trainingRows());
        o.set("target_mean", num(d.targetMean()));
        o.set("base_value", num(d.baseValue()));
        if (d.calibration() != null) {
            o.set("calibration_map", nums(d.calibration()));
        }
        if (!Double.isNaN(d.penalty())) {
            o.set("penalty", num(d.penalty()));
        }
        ArrayNode range = o.putArray("prediction_range");
        range.add(num(d.lower()));
        range.add(num(d.upper()));
        ArrayNode features = o.putArray("features");
        List<String> thinned = new ArrayList<>();
        for (FeatureData f : d.features()) {
            ObjectNode node = feature(f);
            if (node.get("stats").has("thinned_from")) {
                thinned.add(f.name());
            }
            features.add(node);
        }
        // which refits this file serves without the training rows (a reader's note; not read back)
        boolean needsRows = d.kind().equals(ModelData.REGRESSOR) || d.params().optimise();
        o.put("refit_without_data", needsRows ? "none: a refit re-runs the " + (d.params().optimise() ? "optimise"
                : "ridge") + " step over the training rows (attach them with withTrainingData)"
                : thinned.isEmpty() ? "exact" : "exact with the same parameters; other parameters re-grow "
                + String.join(", ", thinned) + " from at most " + SplitStats.Numeric.MAX_STORED
                + " kept candidate splits: attach the training rows (withTrainingData) for an exact refit");
        return o;
    }

    /** The model a {@link #toJson} document describes; damaged documents get a clear PartitaException. */
    public static TransparentModel fromJson(JsonNode json) {
        try {
            List<FeatureData> features = new ArrayList<>();
            for (JsonNode f : array(json, "features")) {
                features.add(feature(f));
            }
            JsonNode range = array(json, "prediction_range");
            JsonNode cal = json.get("calibration_map");
            ModelData d = new ModelData(text(json, "kind"), params(req(json, "params")), text(json, "target"),
                    labels(req(json, "labels")), features, num(req(json, "target_mean")),
                    num(req(json, "base_value")), req(json, "training_rows").asInt(),
                    cal == null ? null : nums(cal), num(range.get(0)), num(range.get(1)),
                    json.has("penalty") ? num(json.get("penalty")) : Double.NaN);
            return d.toModel();
        } catch (PartitaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(e.toString());
        }
    }

    private static ObjectNode feature(FeatureData f) {
        ObjectNode o = NODES.objectNode();
        o.put("name", f.name());
        o.set("params", params(f.params()));
        ObjectNode s = o.putObject("stats");
        if (f.stats() instanceof SplitStats.Numeric full) {
            java.util.Set<Double> bounds = new java.util.HashSet<>();
            f.leaves().forEach(l -> bounds.add(l.upper()));
            SplitStats.Numeric n = full.thinned(SplitStats.Numeric.MAX_STORED, bounds);
            o.put("type", "numeric");
            if (n.isThinned()) {
                s.put("thinned_from", n.thinnedFrom());
            }
            s.set("splits", nums(n.splits()));
            s.set("left_count", ints(n.leftCount()));
            s.set("left_mean", nums(n.leftMean()));
            s.set("right_count", ints(n.rightCount()));
            s.set("right_mean", nums(n.rightMean()));
            s.put("count", n.count());
            s.set("mean", num(n.mean()));
        } else {
            SplitStats.Categorical c = (SplitStats.Categorical) f.stats();
            o.put("type", "categorical");
            ArrayNode cats = s.putArray("categories");
            for (String cat : c.categories()) {
                cats.add(cat);
            }
            s.set("counts", ints(c.counts()));
            s.set("means", nums(c.means()));
        }
        s.put("missing_count", f.stats().missingCount());
        s.set("missing_mean", num(f.stats().missingMean()));
        ArrayNode leaves = o.putArray("leaves");
        for (Leaf l : f.leaves()) {
            ObjectNode lo = leaves.addObject();
            if (l.missing()) {
                lo.put("missing", true);
            } else if (l.category() != null) {
                lo.put("category", l.category());
            } else {
                lo.set("lower", num(l.lower()));
                lo.set("upper", num(l.upper()));
            }
            lo.set("score", num(l.score()));
            lo.set("raw_score", num(l.rawScore()));
            lo.set("mean", num(l.mean()));
            lo.set("freq", num(l.freq()));
            lo.put("count", l.count());
        }
        return o;
    }

    private static FeatureData feature(JsonNode f) {
        JsonNode s = req(f, "stats");
        int missingCount = req(s, "missing_count").asInt();
        double missingMean = num(req(s, "missing_mean"));
        String type = text(f, "type");
        SplitStats stats = switch (type) {
            case "numeric" -> new SplitStats.Numeric(nums(array(s, "splits")), ints(array(s, "left_count")),
                    nums(array(s, "left_mean")), ints(array(s, "right_count")), nums(array(s, "right_mean")),
                    req(s, "count").asInt(), num(req(s, "mean")), missingCount, missingMean,
                    s.has("thinned_from") ? s.get("thinned_from").asInt() : 0);
            case "categorical" -> {
                JsonNode cats = array(s, "categories");
                String[] categories = new String[cats.size()];
                for (int i = 0; i < categories.length; i++) {
                    categories[i] = cats.get(i).asText();
                }
                yield new SplitStats.Categorical(categories, ints(array(s, "counts")), nums(array(s, "means")),
                        missingCount, missingMean);
            }
            default -> throw damaged("feature type '" + type + "' (expected numeric or categorical)");
        };
        List<Leaf> leaves = new ArrayList<>();
        for (JsonNode l : array(f, "leaves")) {
            boolean missing = l.path("missing").asBoolean(false);
            JsonNode cat = l.get("category");
            boolean bounded = !missing && cat == null;
            leaves.add(new Leaf(bounded ? num(req(l, "lower")) : Double.NaN, bounded ? num(req(l, "upper")) : Double.NaN,
                    cat == null ? null : cat.asText(), num(req(l, "score")), num(req(l, "raw_score")),
                    num(req(l, "mean")), num(req(l, "freq")), req(l, "count").asInt(), missing));
        }
        return new FeatureData(text(f, "name"), params(req(f, "params")), stats, leaves);
    }

    static ObjectNode params(Params p) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Object> e : p.asMap().entrySet()) {
            if (e.getValue() instanceof Integer i) {
                o.put(e.getKey(), i);
            } else if (e.getValue() instanceof Boolean b) {
                o.put(e.getKey(), b);
            } else if (e.getValue() instanceof String text) {
                o.put(e.getKey(), text);
            } else {
                o.set(e.getKey(), num((Double) e.getValue()));
            }
        }
        return o;
    }

    static Params params(JsonNode json) {
        Params.Builder b = Params.builder();
        json.fields().forEachRemaining(e -> b.set(e.getKey(), e.getValue().asText()));
        return b.build();
    }

    /** Labels with their Java type, so predictions come back as the user's label objects. */
    private static ObjectNode labels(List<Object> labels) {
        ObjectNode o = NODES.objectNode();
        o.put("type", labels.isEmpty() ? "none" : labels.get(0).getClass().getSimpleName());
        ArrayNode values = o.putArray("values");
        for (Object l : labels) {
            values.add(l.toString());
        }
        return o;
    }

    private static List<Object> labels(JsonNode json) {
        String type = text(json, "type");
        List<Object> out = new ArrayList<>();
        for (JsonNode v : array(json, "values")) {
            String s = v.asText();
            out.add(switch (type) {
                case "String" -> s;
                case "Boolean" -> Boolean.valueOf(s);
                case "Integer" -> Integer.valueOf(s);
                case "Long" -> Long.valueOf(s);
                case "Short" -> Short.valueOf(s);
                case "Double" -> Double.valueOf(s);
                case "Float" -> Float.valueOf(s);
                default -> throw damaged("label type '" + type + "'");
            });
        }
        return out;
    }

    static JsonNode num(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }

    static double num(JsonNode v) {
        if (v == null) {
            throw damaged("a number is missing");
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return switch (v.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw damaged("'" + v.asText() + "' is not a number");
        };
    }

    private static ArrayNode nums(double[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (double v : values) {
            a.add(num(v));
        }
        return a;
    }

    private static double[] nums(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(a.get(i));
        }
        return out;
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).canConvertToInt()) {
                throw damaged("'" + a.get(i) + "' is not a count");
            }
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    /** A required field, or a "damaged" PartitaException naming it (for codecs reading their own bodies). */
    public static JsonNode req(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull()) {
            throw damaged("the field '" + field + "' is missing");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode v = req(o, field);
        if (!v.isArray()) {
            throw damaged("the field '" + field + "' is not a list");
        }
        return v;
    }

    private static String text(JsonNode o, String field) {
        return req(o, field).asText();
    }

    static PartitaException damaged(String why) {
        return new PartitaException("The model JSON is damaged: " + why + ". Load an intact model file or fit the"
                + " model again.");
    }
}
