package dev.newswatch.enricher.grouping;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every article the event id of the earlier report of the same development, decided at once: the event of
 * the live article whose {@link EventTerms} are most similar, if similar enough, else its own id. A copy of a story
 * takes the event of its story's first copy; an article id seen before keeps its event.
 *
 * <p>Similarity is the cosine of term vectors weighted by the square of each term's inverse document frequency
 * among the live articles: two reports of one development share its rare terms (the amount, the place, the model
 * name, the counterparty, the day), while two developments on the same companies share mostly the companies and
 * the words of their beat, which many live articles have. Squaring makes a few shared rare terms outweigh many
 * common ones. Terms of the title and lead weigh more than those of the tail, where long reports tell background.
 * Two articles that share no company, chip or topic must be more alike; two that share their actor, a product made
 * prominent and a topic need be less. Two articles must also share at least one detail that few live articles
 * carry (a name, an amount, a content noun; companies, chips, topics and days do not count): short reports of
 * different developments on the same companies can reach the threshold on the companies and the beat's words
 * alone. Two actors, two reporting periods or two years of an occasion make two developments whatever the
 * wording. An article joins an event only if it is also nearly as like the event's first report, so a chain of
 * near neighbours cannot drift from one development to the next.
 *
 * <p>Stores article id to {@link EventEntry}; each term's document frequency and newest articles (the candidates)
 * and the count of live articles are {@link LiveTerms}, kept in memory and rebuilt from the entries on start.
 * Entries expire one window after their record time; two articles are compared only when their publication times
 * lie within one window.
 */
public final class EventIndex {

    /** Most articles kept per term as candidates: the newest, since a development is reported within days. */
    static final int POSTINGS = 32;
    /** How many of a new article's rarest terms offer candidates. */
    static final int CANDIDATE_TERMS = 24;
    /** Most candidates compared with a new article: those sharing the most of its rarest terms. */
    static final int CANDIDATES = 24;
    /**
     * Articles assumed live when fewer are: keeps terms from looking rare while the index is nearly empty (after a
     * first start, or over a small file).
     */
    static final int PRIOR_ARTICLES = 50;
    /** How much more a term weighs where an article makes it prominent: in its title or lead, or repeated. */
    static final double PROMINENCE = 2.0;
    /**
     * Least similarity to the event's first report, as a share of the least similarity to any report: against
     * drift along a chain of reports, from one development to the next on the same thing.
     */
    static final double FIRST_REPORT_SHARE = 0.8;

    /**
     * How much less alike two articles need be when they share their actor and topic and make one product
     * prominent.
     */
    static final double PRODUCT_FACTOR = 3.0;
    /** How much more alike two articles must be to share an event when they share no company, chip or topic. */
    static final double OFF_BEAT_FACTOR = 1.5;
    /**
     * Most share of the live articles a term may be carried by and still be a detail that names one development;
     * never fewer than {@link #LEAST_DETAIL_ARTICLES} articles.
     */
    static final double DETAIL_SHARE = 0.02;
    /** A term carried by this many live articles or fewer is always a detail. */
    static final int LEAST_DETAIL_ARTICLES = 2;
    /** How much more an amount or count weighs than a word as rare. */
    static final double AMOUNT_WEIGHT = 1.5;
    private static final String ENTITY = "e:";
    private static final String CHIP = "c:";
    private static final String TOPIC = "t:";
    private static final String DAY = "d:";
    private static final String AMOUNT = "a:";
    private static final String PERIOD = "p:";
    private static final String OCCASION = "o:";
    /** A name of letters and a number (qwen3, v4, gpt-5), not a measure (5gw, 7nm, 512gb). */
    private static final Pattern MODEL_NAME = Pattern.compile("m:[a-z][a-z.\\-]*\\d.*");

    private static final Logger log = LoggerFactory.getLogger(EventIndex.class);

    private final IndexStore<EventEntry> articles;
    private final LiveTerms postings = new LiveTerms(POSTINGS);
    private final long windowMillis;
    private final double similarity;
    private final EventMetrics metrics;

    /**
     * Reads every entry of {@code articles} to rebuild the postings, in the order of their record times: the order
     * the stream gave them, unless records came out of time order (the store keeps no arrival order); those of one
     * record time in the order of their article ids.
     *
     * @param window     how far apart two reports of one development may be published, and how long an article is
     *                   kept
     * @param similarity least similarity of two articles' weighted terms for one event
     */
    public EventIndex(IndexStore<EventEntry> articles, Duration window, double similarity, EventMetrics metrics) {
        this.articles = articles;
        this.windowMillis = window.toMillis();
        this.similarity = similarity;
        this.metrics = metrics;
        articles.all().stream()
                .sorted(Comparator.comparingLong((KeyValue<String, EventEntry> entry) -> entry.value.seenAt())
                        .thenComparing(entry -> entry.key))
                .forEach(entry -> postings.add(entry.key, entry.value.terms()));
    }

    /**
     * @param storyId   the article's story, from the story index
     * @param eventTime when it was published, or its record time
     * @param now       its record time
     */
    public String eventOf(String articleId, String storyId, EventTerms terms, long eventTime, long now) {
        EventEntry known = live(articles.get(articleId), now);
        if (known != null) {
            metrics.reEdit();
            return known.eventId();
        }
        Vector vector = vectorOf(terms);
        EventEntry firstCopy = storyId.equals(articleId) ? null : live(articles.get(storyId), now);
        String eventId;
        if (firstCopy != null) {
            metrics.copy();
            eventId = firstCopy.eventId();
        } else {
            EventEntry match = bestMatch(vector, eventTime, now);
            eventId = match == null ? articleId : match.eventId();
            if (match == null) {
                metrics.newEvent();
            } else {
                metrics.report();
                log.debug("Article {} joins event {}", articleId, eventId);
            }
        }
        remember(articleId, new EventEntry(eventId, now, eventTime, vector.norm(), terms.terms(), terms.prominent()));
        return eventId;
    }

    /**
     * An article's weighted terms. A term's weight is its type's weight times the square of its inverse document
     * frequency among the live articles, this one included, times {@link #PROMINENCE} where the article makes it
     * prominent.
     *
     * @param rarity    each term's weight before prominence
     * @param prominent the terms the article makes prominent
     * @param norm      the length of the weighted vector
     */
    private record Vector(Map<String, Double> rarity, Set<String> prominent, double norm) {

        double weight(String term) {
            Double weight = rarity.get(term);
            return weight == null ? 0 : weight * (prominent.contains(term) ? PROMINENCE : 1);
        }

        boolean has(String term) {
            return rarity.containsKey(term);
        }

        boolean reportsResults() {
            return rarity.keySet().stream().anyMatch(term -> term.startsWith(PERIOD));
        }

        String actor() {
            return prominent.stream().filter(term -> term.startsWith(EventSignature.ACTOR)).findFirst().orElse(null);
        }

        double cosine(EventEntry other) {
            if (norm == 0 || other.norm() == 0) {
                return 0;
            }
            double dot = 0;
            List<String> terms = other.terms();
            for (int i = 0; i < terms.size(); i++) {
                Double rare = rarity.get(terms.get(i));
                if (rare != null) {
                    dot += weight(terms.get(i)) * rare * (i < other.prominent() ? PROMINENCE : 1);
                }
            }
            return dot / (norm * other.norm());
        }
    }

    private Vector vectorOf(EventTerms terms) {
        double articleCount = Math.max(PRIOR_ARTICLES, liveArticles() + 1);
        Map<String, Double> rarity = new LinkedHashMap<>();
        for (String term : terms.terms()) {
            double frequency = postings.frequency(term) + 1;
            double idf = Math.log((articleCount + 1) / (frequency + 0.5));
            rarity.put(term, typeWeight(term) * idf * idf);
        }
        Vector unmeasured = new Vector(rarity, Set.copyOf(terms.terms().subList(0, terms.prominent())), 0);
        double squares = rarity.keySet().stream().mapToDouble(unmeasured::weight).map(weight -> weight * weight).sum();
        return new Vector(rarity, unmeasured.prominent(), Math.sqrt(squares));
    }

    /**
     * Topics and days of the month are shared by many developments; they only add to other evidence. An amount or
     * a count names one development more surely than a word of the same rarity: outlets copy the figure, not the
     * wording.
     */
    private static double typeWeight(String term) {
        if (term.startsWith(TOPIC) || term.startsWith(DAY)) {
            return 0.5;
        }
        return term.startsWith(AMOUNT) ? AMOUNT_WEIGHT : 1.0;
    }

    /**
     * Whether two articles share a company, chip or topic. Reports of one development on the beat do; two
     * articles that share only wording (two weather reports, two sets of monthly figures) need stronger wording.
     */
    private static boolean shareTheBeat(Vector vector, EventEntry other) {
        return other.terms().stream()
                .anyMatch(term -> (term.startsWith(ENTITY) || term.startsWith(CHIP) || term.startsWith(TOPIC))
                        && vector.has(term));
    }

    /**
     * The live candidate most similar at or above the threshold, the earlier one on a tie, that is also like its
     * event's first report; or {@code null}.
     */
    private EventEntry bestMatch(Vector vector, long eventTime, long now) {
        EventEntry best = null;
        double bestSimilarity = similarity;
        double mostDetailArticles = Math.max(LEAST_DETAIL_ARTICLES, DETAIL_SHARE * liveArticles());
        for (String candidate : candidates(vector.rarity().keySet())) {
            EventEntry entry = live(articles.get(candidate), now);
            if (entry == null || Math.abs(entry.eventTime() - eventTime) > windowMillis
                    || !shareADetail(vector, entry, mostDetailArticles)) {
                continue;
            }
            double score = score(vector, entry);
            if (score < bestSimilarity || score == bestSimilarity && best != null && entry.seenAt() >= best.seenAt()) {
                continue;
            }
            EventEntry first = entry.eventId().equals(candidate) ? entry : live(articles.get(entry.eventId()), now);
            if (first == null || score(vector, first) >= FIRST_REPORT_SHARE * similarity) {
                best = entry;
                bestSimilarity = score;
            }
        }
        return best;
    }

    /**
     * How alike two articles are: the cosine of their weighted terms, lowered when they share no company, chip or
     * topic, raised when they share their actor and a product (unless they report results, which name every
     * product); 0 when they name two actors, two reporting periods or two years of an occasion.
     */
    private static double score(Vector vector, EventEntry other) {
        Boolean sameActor = sameActor(vector, other);
        if (Boolean.FALSE.equals(sameActor) || otherPeriod(vector, other) || otherOccasion(vector, other)) {
            return 0;
        }
        return vector.cosine(other) / (shareTheBeat(vector, other) ? 1 : OFF_BEAT_FACTOR)
                * (Boolean.TRUE.equals(sameActor) && !vector.reportsResults() && shareAProduct(vector, other)
                        ? PRODUCT_FACTOR : 1);
    }

    /**
     * Whether two articles report results of two periods, or only one of them reports results: the second
     * quarter's earnings call and the third's are two developments, however alike their wording, and so are a
     * call and a product announcement between calls.
     */
    private static boolean otherPeriod(Vector vector, EventEntry other) {
        List<String> theirs = other.terms().stream().filter(term -> term.startsWith(PERIOD)).toList();
        return (vector.reportsResults() || !theirs.isEmpty()) && theirs.stream().noneMatch(vector::has);
    }

    /** Whether two articles each name the year of an occasion, and no year in common. */
    private static boolean otherOccasion(Vector vector, EventEntry other) {
        List<String> theirs = other.terms().stream().filter(term -> term.startsWith(OCCASION)).toList();
        return !theirs.isEmpty() && vector.rarity().keySet().stream().anyMatch(term -> term.startsWith(OCCASION))
                && theirs.stream().noneMatch(vector::has);
    }

    /**
     * Whether two articles name the same actor; {@code null} when one of them names none, or when one makes the
     * other's actor prominent too (two companies acting together, told from either side). One development has one
     * actor, so two actors make two developments.
     */
    private static Boolean sameActor(Vector vector, EventEntry other) {
        String mine = vector.actor();
        String theirs = other.terms().stream().filter(term -> term.startsWith(EventSignature.ACTOR)).findFirst()
                .orElse(null);
        if (mine == null || theirs == null) {
            return null;
        }
        if (mine.equals(theirs)) {
            return true;
        }
        String theirsNamed = theirs.substring(EventSignature.ACTOR.length());
        String mineNamed = mine.substring(EventSignature.ACTOR.length());
        boolean crossed = vector.prominent().contains(theirsNamed)
                || other.terms().subList(0, other.prominent()).contains(mineNamed);
        return crossed ? null : false;
    }

    /**
     * Whether two articles both make one product prominent: a chip, system or memory tagged, or a model name with
     * a number (Qwen3, V4, HBM3E), and a topic. A product, its actor and the kind of development name one
     * development more surely than any wording.
     */
    private static boolean shareAProduct(Vector vector, EventEntry other) {
        List<String> terms = other.terms();
        if (terms.stream().noneMatch(term -> term.startsWith(TOPIC) && vector.has(term))) {
            return false;
        }
        for (int i = 0; i < other.prominent(); i++) {
            String term = terms.get(i);
            if (vector.prominent().contains(term) && (term.startsWith(CHIP) || MODEL_NAME.matcher(term).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two articles share a term other than a company, chip, topic or day that at most
     * {@code mostDetailArticles} live articles carry.
     */
    private boolean shareADetail(Vector vector, EventEntry other, double mostDetailArticles) {
        for (String term : other.terms()) {
            if (vector.has(term) && !term.startsWith(ENTITY) && !term.startsWith(CHIP) && !term.startsWith(TOPIC)
                    && !term.startsWith(DAY) && !term.startsWith(EventSignature.ACTOR)) {
                int frequency = postings.frequency(term);
                if (frequency > 0 && frequency <= mostDetailArticles) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The articles sharing the most of the new article's rarest terms. */
    private List<String> candidates(Set<String> terms) {
        Map<String, Integer> shared = new HashMap<>();
        terms.stream()
                .filter(term -> postings.frequency(term) > 0)
                .sorted(Comparator.comparingInt(postings::frequency).thenComparing(Comparator.naturalOrder()))
                .limit(CANDIDATE_TERMS)
                .forEach(term -> postings.newest(term).forEach(id -> shared.merge(id, 1, Integer::sum)));
        return shared.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private EventEntry live(EventEntry entry, long now) {
        return entry == null || entry.seenAt() < now - windowMillis ? null : entry;
    }

    private void remember(String articleId, EventEntry entry) {
        forget(articleId, articles.get(articleId));
        articles.put(articleId, entry);
        postings.add(articleId, entry.terms());
    }

    private void forget(String articleId, EventEntry entry) {
        if (entry == null) {
            return;
        }
        articles.delete(articleId);
        postings.remove(articleId, entry.terms());
    }

    private long liveArticles() {
        return postings.articles();
    }

    /** Deletes the entries of articles seen more than one window before {@code streamTime}. */
    public void purgeBefore(long streamTime) {
        List<KeyValue<String, EventEntry>> expired = articles.all().stream()
                .filter(entry -> live(entry.value, streamTime) == null)
                .toList();
        expired.forEach(entry -> forget(entry.key, entry.value));
        if (!expired.isEmpty()) {
            log.debug("Event index: {} articles older than the window forgotten", expired.size());
        }
    }
}
