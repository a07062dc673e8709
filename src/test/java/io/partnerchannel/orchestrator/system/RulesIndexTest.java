package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule id ({@code R7}, {@code R5b}) and source tag ({@code A8}, {@code G2}, {@code S4}) cited by the code,
 * the models and the forms resolves to a row of {@code docs/rules.md}.
 */
class RulesIndexTest {

    private static final Pattern RULE_ID = Pattern.compile("\\bR\\d{1,2}b?\\b");
    private static final Pattern SOURCE_TAG = Pattern.compile("\\b[ASG]\\d{1,2}[no]?\\b");
    private static final Pattern SOURCE_RANGE = Pattern.compile("\\| ([ASG])(\\d+)–\\1(\\d+) \\|");

    @Test
    void everyCitedRuleIdHasARowInTheRulesIndex() throws IOException {
        String index = Files.readString(Path.of("docs/rules.md"));
        Set<String> missing = new TreeSet<>();
        for (String id : cited(RULE_ID)) {
            if (!index.contains("| " + id + " |")) {
                missing.add(id);
            }
        }
        assertThat(missing).as("rule ids cited in src/main, bpmn/ and forms/ but absent from docs/rules.md").isEmpty();
    }

    @Test
    void everyCitedSourceTagHasARowInTheRulesIndex() throws IOException {
        String index = Files.readString(Path.of("docs/rules.md"));
        Set<String> listed = new TreeSet<>();
        Matcher ranges = SOURCE_RANGE.matcher(index);
        while (ranges.find()) {
            for (int n = Integer.parseInt(ranges.group(2)); n <= Integer.parseInt(ranges.group(3)); n++) {
                listed.add(ranges.group(1) + n);
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String tag : cited(SOURCE_TAG)) {
            if (!listed.contains(tag) && !index.contains("| " + tag + " |")) {
                missing.add(tag);
            }
        }
        assertThat(missing).as("source tags cited in src/main, bpmn/ and forms/ but absent from docs/rules.md").isEmpty();
    }

    private static Set<String> cited(Pattern pattern) {
        Set<String> ids = new TreeSet<>();
        for (String root : new String[] {"src/main/java", "bpmn", "forms"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    Matcher matcher = pattern.matcher(read(file));
                    while (matcher.find()) {
                        ids.add(matcher.group());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(ids).as("ids cited under " + pattern).isNotEmpty();
        return ids;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
