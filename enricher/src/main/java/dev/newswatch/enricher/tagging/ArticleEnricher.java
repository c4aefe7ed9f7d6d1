package dev.newswatch.enricher.tagging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.streams.UnknownSchemaVersionException;
import dev.newswatch.enricher.text.FieldText;
import dev.newswatch.enricher.text.PhraseMatch;
import dev.newswatch.enricher.text.SentenceSplitter;
import dev.newswatch.enricher.text.TextNormalizer;

/**
 * Tags a raw article with the entities it mentions and the topics it is about. Every tag carries its evidence:
 * the field, the matched text, its offsets in that field and the sentence around it. Entities come in order of
 * first mention (title first), topics most confident first; evidence in field then offset order, at most
 * {@value TagEvidence#SENTENCES} sentences per tag ({@link TagEvidence}).
 *
 * <p>The dictionary and topic rules can be replaced while articles are being tagged ({@link #reconfigure}); each
 * article is tagged wholly with one configuration.
 */
public final class ArticleEnricher {

    /** How many opening sentences of the body make its lead. */
    static final int LEAD_SENTENCES = 2;
    /** How many mentions make an entity the article's subject wherever they stand. */
    static final int REPEATED_MENTIONS = 3;

    /** What an article is tagged with, before it is wrapped into an {@link EnrichedArticle}. */
    public record Tags(List<EntityTag> entities, List<TopicTag> topics) {
    }

    private record Taggers(EntityMatcher entities, TopicClassifier topics) {
    }

    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;
    private final AtomicReference<Taggers> taggers;
    private final Clock clock;

    ArticleEnricher(TextNormalizer normalizer, SentenceSplitter splitter, EntityMatcher entityMatcher,
            TopicClassifier topicClassifier, Clock clock) {
        this.normalizer = normalizer;
        this.splitter = splitter;
        this.taggers = new AtomicReference<>(new Taggers(entityMatcher, topicClassifier));
        this.clock = clock;
    }

    /** The usual stages over one dictionary and one set of topic rules. */
    public static ArticleEnricher of(EntityDictionary dictionary, TopicRules rules, Clock clock) {
        TextNormalizer normalizer = new TextNormalizer();
        return new ArticleEnricher(normalizer, new SentenceSplitter(), new EntityMatcher(dictionary, normalizer),
                new TopicClassifier(rules, normalizer), clock);
    }

    /** Tags every article from now on with this dictionary and these rules. */
    public void reconfigure(EntityDictionary dictionary, TopicRules rules) {
        taggers.set(new Taggers(new EntityMatcher(dictionary, normalizer), new TopicClassifier(rules, normalizer)));
    }

    /** @throws UnknownSchemaVersionException for an article of a schema version newer than this code reads */
    public EnrichedArticle enrich(RawArticle article) {
        UnknownSchemaVersionException.requireKnown("RawArticle", article.schemaVersion(), RawArticle.SCHEMA_VERSION);
        Tags tags = tag(article.title(), article.text());
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, article.id(), tags.entities(),
                tags.topics(), clock.instant());
    }

    /** The tags of a title and body text; what {@link #enrich} adds to an article. */
    public Tags tag(String title, String text) {
        Taggers current = taggers.get();
        FieldText titleField = FieldText.of(ArticleField.TITLE, title, normalizer, splitter);
        FieldText textField = FieldText.of(ArticleField.TEXT, text, normalizer, splitter);
        return new Tags(entities(current.entities(), titleField, textField),
                topics(current.topics(), titleField, textField));
    }

    private static List<EntityTag> entities(EntityMatcher matcher, FieldText title, FieldText text) {
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Boolean> prominent = new LinkedHashMap<>();
        for (FieldText field : List.of(title, text)) {
            for (PhraseMatch<EntityDefinition> mention : matcher.find(field.normalized())) {
                EntityDefinition entity = mention.payload();
                entities.putIfAbsent(entity.id(), entity);
                evidence.computeIfAbsent(entity.id(), id -> new ArrayList<>()).add(field.evidence(mention.span()));
                boolean inTitleOrLead = field.field() == ArticleField.TITLE
                        || field.inLead(mention.span().start(), LEAD_SENTENCES);
                prominent.merge(entity.id(), inTitleOrLead, Boolean::logicalOr);
            }
        }
        return entities.values().stream()
                .map(entity -> {
                    List<Evidence> mentions = evidence.get(entity.id());
                    boolean about = prominent.get(entity.id()) || mentions.size() >= REPEATED_MENTIONS;
                    return new EntityTag(entity.id(), entity.name(), entity.kind(), entity.vendor(),
                            TagEvidence.firstSentences(mentions), about ? Salience.ABOUT : Salience.MENTION);
                })
                .toList();
    }

    private static List<TopicTag> topics(TopicClassifier classifier, FieldText title, FieldText text) {
        return classifier.classify(title, text).stream()
                .map(topic -> {
                    List<Evidence> evidence = new ArrayList<>();
                    topic.titleCues().forEach(cue -> evidence.add(title.evidence(cue.span())));
                    topic.textCues().forEach(cue -> evidence.add(text.evidence(cue.span())));
                    return new TopicTag(topic.rule().id(), topic.rule().name(), topic.confidence(),
                            TagEvidence.firstSentences(evidence));
                })
                .toList();
    }
}
