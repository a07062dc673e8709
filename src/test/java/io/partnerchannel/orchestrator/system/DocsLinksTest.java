package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md leads somewhere: the file exists and, for a link with
 * {@code #anchor}, a heading of that file has that anchor (GitHub's rule: lower case, punctuation dropped, spaces
 * to hyphens). Moving a section between README and docs/ cannot leave a dead link behind.
 *
 * <p>The same for the references of sources, configuration and build files to the documentation: a file of
 * docs/ they name exists, and a section named after it (in double quotes, or as {@code #anchor}) is a heading of
 * that file or of README.md. Applied Flyway migrations are left out: their text is under Flyway's checksum.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
    /** README or a file of docs/, then optionally a section: {@code "Heading"} (Java-escaped too) or #anchor. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(README(?:\\.md)?|docs/[a-z0-9-]+\\.md)(?:,? \\\\?\"([^\"\\\\]+)\\\\?\"|#([a-z0-9-]+))?");
    /** A line break with the comment marker that continues the comment (Javadoc, //, #), read as one space. */
    private static final Pattern CONTINUATION = Pattern.compile("[ \\t]*\\R[ \\t]*(?:\\*(?!/)|//|#)?[ \\t]*");
    private static final List<String> SOURCE_TYPES = List.of(".java", ".yaml", ".yml", ".properties", ".xml", ".html");

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    dead.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("relative links checked").isGreaterThan(10);
        assertThat(dead).as("dead links in README.md and docs/").isEmpty();
    }

    @Test
    void everyReferenceOfTheSourcesToTheDocumentationNamesAnExistingSection() throws IOException {
        List<Path> sources = new ArrayList<>(List.of(Path.of("pom.xml"), Path.of(".ci/run")));
        for (String root : List.of("src/main", "src/test")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(Files::isRegularFile)
                        .filter(path -> SOURCE_TYPES.stream().anyMatch(type -> path.toString().endsWith(type)))
                        .filter(path -> !path.startsWith(Path.of("src/main/resources/db/migration")))
                        .sorted()
                        .forEach(sources::add);
            }
        }
        List<String> dead = new ArrayList<>();
        int sections = 0;
        for (Path source : sources) {
            Matcher reference = REFERENCE.matcher(CONTINUATION.matcher(Files.readString(source)).replaceAll(" "));
            while (reference.find()) {
                Path page = Path.of(reference.group(1).startsWith("README") ? "README.md" : reference.group(1));
                String heading = reference.group(2);
                String anchor = reference.group(3);
                if (!Files.exists(page)) {
                    dead.add(source + ": " + reference.group() + " (no such file)");
                    continue;
                }
                if (heading != null) {
                    sections++;
                    if (headings(page).stream().noneMatch(h -> h.equals(heading) || h.startsWith(heading + ":"))) {
                        dead.add(source + ": " + reference.group() + " (no such heading)");
                    }
                } else if (anchor != null) {
                    sections++;
                    if (!anchors(page).contains(anchor)) {
                        dead.add(source + ": " + reference.group() + " (no such heading)");
                    }
                }
            }
        }
        assertThat(sections).as("sections named by sources").isGreaterThan(10);
        assertThat(dead).as("references to README.md and docs/ that name no existing file or heading").isEmpty();
    }

    /** The heading texts of a Markdown file, e.g. {@code What to size}. */
    private static List<String> headings(Path markdown) throws IOException {
        List<String> headings = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(markdown));
        while (heading.find()) {
            headings.add(heading.group(1).trim());
        }
        return headings;
    }

    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        try {
            for (String heading : headings(markdown)) {
                anchors.add(heading.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }
}
