package io.scenescore.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A scrape of /observe/metrics read as Prometheus' text exposition format (version 0.0.4) says it is written:
 * comment lines ({@code # HELP}, {@code # TYPE}), and samples {@code name{label="value",...} number [timestamp]},
 * label values escaped with backslash ({@code \\}, {@code \"}, {@code \n}). A line it cannot read fails the parse.
 */
public final class PrometheusText {

    /** One sample: metric name, labels in their order, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 4 && parts[1].equals("TYPE")) {
                    types.put(parts[2], parts[3].trim());
                }
                continue;
            }
            try {
                samples.add(sample(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not a Prometheus sample: " + line + " (" + e.getMessage() + ")", e);
            }
        }
        return new PrometheusText(Collections.unmodifiableList(samples), types);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no metric name");
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                if (key.isEmpty() || !key.chars().allMatch(c -> isNameChar((char) c, false) && c != ':')) {
                    throw new IllegalArgumentException("bad label name '" + key + "'");
                }
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted");
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(key, value.toString()) != null) {
                    throw new IllegalArgumentException("label " + key + " twice");
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).trim().split(" ");
        if (rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException("expected a value and an optional timestamp");
        }
        return new Sample(name, Collections.unmodifiableMap(labels), value(rest[0]));
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The TYPE line's type of a metric family (counter, gauge, histogram, summary, untyped), or null. */
    public String type(String family) {
        return types.get(family);
    }

    /**
     * The sum of the samples named {@code name} whose labels include every given label (pairs: key, value), 0 when
     * there is none: a counter or a timer's count summed over the labels not given.
     */
    public double sum(String name, String... labels) {
        Predicate<Sample> match = matcher(name, labels);
        return samples.stream().filter(match).mapToDouble(Sample::value).sum();
    }

    /** Whether any sample is named {@code name} with these labels. */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(matcher(name, labels));
    }

    public List<Sample> named(String name, String... labels) {
        return samples.stream().filter(matcher(name, labels)).toList();
    }

    private static Predicate<Sample> matcher(String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in pairs: key, value");
        }
        return s -> {
            if (!s.name().equals(name)) {
                return false;
            }
            for (int k = 0; k < labels.length; k += 2) {
                if (!labels[k + 1].equals(s.labels().get(labels[k]))) {
                    return false;
                }
            }
            return true;
        };
    }
}
