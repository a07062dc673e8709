package io.partnerchannel.orchestrator.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * Words for the reason codes the models record ({@code reasonCode}, e.g. {@code CUSTOMER_OUTSIDE_REGION} from a
 * decision table): the message {@code reason.<code>} of the bundle {@code reasons/reasons*.properties} (en, it,
 * pt, sv: the languages e-mails exist in; others read English). A text may name process variables as
 * {@code {variableName}}, e.g. {@code {partnerName}}: each is replaced by the variable's value (empty when the
 * variable is absent). Analysts change a text in the bundles, and add a reason by adding its code to a decision
 * row and its text to each bundle (docs/routing.md); a row may also give the words themselves.
 */
@Component
public class ReasonTexts {

  /** Prefix of the messages in {@code reasons/reasons*.properties}. */
  public static final String PREFIX = "reason.";

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The bundles, in every language. */
  private static final String BUNDLES = "classpath*:reasons/reasons*.properties";

  private final MessageSource messageSource;
  private final Set<String> variableNames;

  /**
   * @param messageSource the application's messages, {@code reasons/reasons} among the basenames
   * @throws UncheckedIOException when a bundle cannot be read
   */
  public ReasonTexts(MessageSource messageSource) {
    this.messageSource = messageSource;
    this.variableNames = Set.copyOf(namedVariables());
  }

  /**
   * @return the process variables the texts of any language name ({@code {variableName}}), e.g. {@code partnerName}:
   *     what a reader of a text must have at hand besides {@code reasonCode} (a status read reads no others)
   */
  public Set<String> variableNames() {
    return variableNames;
  }

  private static Set<String> namedVariables() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource bundle : new PathMatchingResourcePatternResolver().getResources(BUNDLES)) {
        Properties texts = PropertiesLoaderUtils.loadProperties(bundle);
        for (String key : texts.stringPropertyNames()) {
          if (key.startsWith(PREFIX)) {
            VARIABLE.matcher(texts.getProperty(key)).results().forEach(found -> names.add(found.group(1)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the reason texts " + BUNDLES, e);
    }
    return names;
  }

  /**
   * @param code a reason code, may be null
   * @param variables the values of the variables the text names (e.g. {@code execution::getVariable})
   * @param locale the reader's language
   * @return the reason in words; null when {@code code} is null or blank; {@code code} itself when no bundle has
   *     it (a decision row may give words instead of a code: they are shown as written, in every language)
   */
  public String text(String code, Function<String, Object> variables, Locale locale) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String pattern = messageSource.getMessage(PREFIX + code.trim(), null, null, MailRenderer.supportedLocale(locale));
    if (pattern == null) {
      return code.trim(); // a row that gives words instead of a code: shown as written
    }
    Matcher matcher = VARIABLE.matcher(pattern);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      Object value = variables.apply(matcher.group(1));
      matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
    }
    matcher.appendTail(text);
    return text.toString().replaceAll(" {2,}", " ").trim();
  }
}
