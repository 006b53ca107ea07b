package dev.zerotorunning.wander.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of an admin port's {@code /prometheus}, parsed from the Prometheus text format (0.0.4)
 * as Prometheus reads it: {@code name{label="value",...} number} per sample, comments skipped.
 */
public final class Scrape {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private Scrape(List<Sample> samples) {
    this.samples = samples;
  }

  public static Scrape of(Http admin) {
    Http.Reply reply = admin.get("/prometheus").expectStatus(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    return parse(reply.body());
  }

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    return new Scrape(samples);
  }

  public List<Sample> samples() {
    return samples;
  }

  /**
   * The value of the one sample named {@code name} whose labels include {@code labels} (name,
   * value, name, value...), or 0 when there is none yet (a series that was never touched).
   */
  public double value(String name, String... labels) {
    List<Sample> matching = matching(name, labels);
    assertThat(matching).as("samples of %s with %s", name, List.of(labels)).hasSizeLessThan(2);
    return matching.isEmpty() ? 0 : matching.get(0).value();
  }

  public List<Sample> matching(String name, String... labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(
            s -> {
              for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                  return false;
                }
              }
              return true;
            })
        .toList();
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      rest = labels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] valueAndTime = line.substring(rest).trim().split(" ");
    return new Sample(name, labels, Double.parseDouble(valueAndTime[0].replace("Inf", "Infinity")));
  }

  /** Reads {@code a="x",b="y"}} from {@code at}; returns the index after the closing brace. */
  private static int labels(String line, int at, Map<String, String> into) {
    int i = at;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String key = line.substring(i, equals);
      StringBuilder value = new StringBuilder();
      i = equals + 2; // past ="
      while (line.charAt(i) != '"') {
        char c = line.charAt(i++);
        if (c == '\\') {
          char escaped = line.charAt(i++);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      into.put(key, value.toString());
      i++; // past the closing quote
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }
}
