package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics as Prometheus reads them: {@code /metrics} on the test server's management endpoint,
 * scraped by an operator, each sample with its name, labels and value.
 */
public record MetricsScrape(List<Sample> samples) {

    /** One line of the text format. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Scrapes as operator {@code alice}. */
    public static MetricsScrape scrape() {
        HttpResponse<String> response = new Browser().get(OperatorJmx.MANAGEMENT + "/metrics", basic(OperatorJmx.OPERATOR));
        assertThat(response.statusCode()).as("the scrape").isEqualTo(200);
        return parse(response.body());
    }

    public static String basic(String operator) {
        try {
            return "Basic " + Base64.getEncoder().encodeToString((operator + ":" + OperatorJmx.password(operator))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = LINE.matcher(line.strip());
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new MetricsScrape(samples);
    }

    /** The samples of one series name whose labels include these (name, value, name, value …). */
    public List<Sample> of(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    /** The value of the one sample of a series with these labels; 0 when there is none (a counter not yet counted). */
    public double value(String name, String... labels) {
        List<Sample> found = of(name, labels);
        assertThat(found).as(name + " " + String.join(",", labels)).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? 0 : found.get(0).value();
    }
}
