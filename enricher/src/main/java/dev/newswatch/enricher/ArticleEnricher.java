package dev.newswatch.enricher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.TopicTag;

/**
 * Tags a raw article with the entities it mentions and the topics it is about. Every tag carries its evidence:
 * the field, the matched text, its offsets in that field and the sentence around it. Entities come in order of
 * first mention (title first), topics most confident first; evidence in field then offset order.
 */
public final class ArticleEnricher {

    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;
    private final EntityMatcher entityMatcher;
    private final TopicClassifier topicClassifier;
    private final Clock clock;

    public ArticleEnricher(TextNormalizer normalizer, SentenceSplitter splitter, EntityMatcher entityMatcher,
            TopicClassifier topicClassifier, Clock clock) {
        this.normalizer = normalizer;
        this.splitter = splitter;
        this.entityMatcher = entityMatcher;
        this.topicClassifier = topicClassifier;
        this.clock = clock;
    }

    /** The usual stages over one dictionary and one set of topic rules. */
    public static ArticleEnricher of(EntityDictionary dictionary, TopicRules rules, Clock clock) {
        TextNormalizer normalizer = new TextNormalizer();
        return new ArticleEnricher(normalizer, new SentenceSplitter(), new EntityMatcher(dictionary, normalizer),
                new TopicClassifier(rules, normalizer), clock);
    }

    public EnrichedArticle enrich(RawArticle article) {
        Field title = field(ArticleField.TITLE, article.title());
        Field text = field(ArticleField.TEXT, article.text());
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, article.id(), entities(title, text),
                topics(title, text), clock.instant());
    }

    private List<EntityTag> entities(Field... fields) {
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (Field field : fields) {
            for (PhraseMatch<EntityDefinition> mention : entityMatcher.find(field.normalized())) {
                EntityDefinition entity = mention.payload();
                entities.putIfAbsent(entity.id(), entity);
                evidence.computeIfAbsent(entity.id(), id -> new ArrayList<>()).add(field.evidence(mention.span()));
            }
        }
        return entities.values().stream()
                .map(entity -> new EntityTag(entity.id(), entity.name(), entity.kind(), entity.vendor(),
                        evidence.get(entity.id())))
                .toList();
    }

    private List<TopicTag> topics(Field title, Field text) {
        return topicClassifier.classify(title.normalized(), text.normalized()).stream()
                .map(topic -> {
                    List<Evidence> evidence = new ArrayList<>();
                    topic.titleCues().forEach(cue -> evidence.add(title.evidence(cue.span())));
                    topic.textCues().forEach(cue -> evidence.add(text.evidence(cue.span())));
                    return new TopicTag(topic.rule().id(), topic.rule().name(), topic.confidence(), evidence);
                })
                .toList();
    }

    private Field field(ArticleField field, String original) {
        return new Field(field, original, normalizer.normalize(original), splitter.split(original));
    }

    /** One field of the article, prepared once for every stage. */
    private record Field(ArticleField field, String original, NormalizedText normalized, List<TextSpan> sentences) {

        Evidence evidence(TextSpan match) {
            TextSpan sentence = SentenceSplitter.sentenceAt(sentences, match.start(), original);
            return new Evidence(field, match.of(original), match.start(), match.end(), sentence.of(original));
        }
    }
}
