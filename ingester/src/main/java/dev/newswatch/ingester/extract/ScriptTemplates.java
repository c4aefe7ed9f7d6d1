package dev.newswatch.ingester.extract;

import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The page as a browser shows it when its body is parked in {@code <script type="text/template">} blocks and put in
 * place by script (Blogger's dynamic views do this with the whole post). Templates that a script fills in first
 * ({@code <%= %>}, {@code {{ }}}) are not text and stay out.
 */
final class ScriptTemplates {

    private static final String TEMPLATES = "script[type=text/template]";

    private ScriptTemplates() {
    }

    /** The page with its static HTML templates in place of the scripts that hold them, or empty when it has none. */
    static Optional<Document> inlined(Document page) {
        if (page.selectFirst(TEMPLATES) == null) {
            return Optional.empty();
        }
        Document copy = page.clone();
        boolean inlined = false;
        for (Element script : copy.select(TEMPLATES)) {
            String html = script.data();
            if (html.indexOf('<') < 0 || html.contains("<%") || html.contains("{{")) {
                continue;
            }
            for (Node node : Jsoup.parseBodyFragment(html, page.location()).body().childNodes().toArray(Node[]::new)) {
                script.before(node);
            }
            script.remove();
            inlined = true;
        }
        return inlined ? Optional.of(copy) : Optional.empty();
    }
}
