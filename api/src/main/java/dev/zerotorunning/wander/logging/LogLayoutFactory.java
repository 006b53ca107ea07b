package dev.zerotorunning.wander.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.logging.json.EventAttribute;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Map;
import java.util.TimeZone;

/**
 * One log layout whose format an environment variable picks ({@code LOG_FORMAT=text|json}): a
 * substituted value can choose a word, not a different block of YAML. Text is the pattern people
 * read; JSON is one object per line (timestamp, level, logger, message, the request and deployment
 * ids from the MDC, the exception), for log pipelines and {@code jq}.
 */
@JsonTypeName("wander")
public class LogLayoutFactory implements DiscoverableLayoutFactory<ILoggingEvent> {
  /** The two formats {@code LOG_FORMAT} may name. */
  public enum Format {
    TEXT,
    JSON;

    @com.fasterxml.jackson.annotation.JsonCreator
    static Format of(String name) {
      for (Format format : values()) {
        if (format.name().equalsIgnoreCase(name)) {
          return format;
        }
      }
      throw new IllegalArgumentException("LOG_FORMAT must be text or json, not \"" + name + "\"");
    }
  }

  @NotNull private Format format = Format.TEXT;
  @NotNull private String pattern = "%-5p [%d{ISO8601,UTC}] %c{20}: %m%n%rEx";

  @JsonProperty
  public Format getFormat() {
    return format;
  }

  @JsonProperty
  public void setFormat(Format format) {
    this.format = format;
  }

  @JsonProperty
  public String getPattern() {
    return pattern;
  }

  @JsonProperty
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
    if (format == Format.JSON) {
      EventJsonLayoutBaseFactory json = new EventJsonLayoutBaseFactory();
      json.setIncludes(
          EnumSet.of(
              EventAttribute.TIMESTAMP,
              EventAttribute.LEVEL,
              EventAttribute.LOGGER_NAME,
              EventAttribute.MESSAGE,
              EventAttribute.MDC,
              EventAttribute.EXCEPTION));
      json.setFlattenMdc(true);
      json.setTimestampFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
      json.setCustomFieldNames(Map.of("loggerName", "logger"));
      return json.build(context, TimeZone.getTimeZone("UTC"));
    }
    DropwizardLayout text = new DropwizardLayout(context, timeZone);
    text.setPattern(pattern);
    return text;
  }
}
