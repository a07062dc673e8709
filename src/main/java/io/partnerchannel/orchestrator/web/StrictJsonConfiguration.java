package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies of the application's Spring MVC endpoints ({@code /api/**}, the event webhook, the sandbox)
 * are read strictly, so malformed input is a 400 naming the field ({@link ApiExceptionHandler}) and never
 * a silently different value:
 * <ul>
 *   <li>no number for an enum ({@code "adminAccess": 1} is not its second constant) and no number or boolean
 *       for a string;</li>
 *   <li>no duplicate keys ({@code {"domain": "a", "domain": "b"}});</li>
 *   <li>no control characters in strings (U+0000..U+001F but tab, line feed and carriage return; U+007F..U+009F),
 *       which JSON allows escaped ({@code "\u0000"}).</li>
 * </ul>
 * Only the MVC message converter's copy of the application's {@code ObjectMapper} is changed; the Partner
 * Center client and the engine read with their own.
 */
@Configuration
public class StrictJsonConfiguration implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    // a new converter in MVC's list: the converter bean itself is shared with RestClient.Builder (the Partner
    // Center client), which must keep reading leniently
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof MappingJackson2HttpMessageConverter jackson) {
        MappingJackson2HttpMessageConverter strict = new MappingJackson2HttpMessageConverter(strict(jackson.getObjectMapper()));
        strict.setSupportedMediaTypes(jackson.getSupportedMediaTypes());
        converters.set(i, strict);
      }
    }
  }

  /**
   * @param mapper the application's mapper
   * @return a strict copy
   */
  static ObjectMapper strict(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    strict.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strict.registerModule(new SimpleModule("pco-strict-strings").addDeserializer(String.class, new NoControlCharacters()));
    return strict;
  }

  /** Jackson's string deserializer, refusing control characters with an {@code InvalidFormatException}. */
  static final class NoControlCharacters extends StringDeserializer {

    /** What {@link ApiExceptionHandler} says about such a field. */
    static final String MESSAGE = "must not contain control characters";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = super.deserialize(parser, context);
      if (value != null && value.chars().anyMatch(NoControlCharacters::control)) {
        throw context.weirdStringException(value, String.class, MESSAGE);
      }
      return value;
    }

    private static boolean control(int c) {
      return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
  }
}
