package dev.newswatch.alerts;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;

/** Enriched-article fixtures; the Korean text is written for these tests. */
public final class Articles {

    public static final String EXPORT_SENTENCE = "미국 상무부는 엔비디아 H20의 중국 수출 허가 요건을 다시 강화했다.";
    public static final String HUAWEI_SENTENCE = "화웨이는 어센드 910C 생산량을 늘리겠다고 밝혔다.";
    public static final String CAPEX_SENTENCE = "마이크로소프트는 올해 데이터센터 투자 규모를 크게 늘린다.";
    public static final String HBM_SENTENCE = "SK하이닉스는 HBM3E 12단 제품의 양산을 시작했다.";
    public static final String OUTLET = "테스트일보";
    public static final String SOURCE = "test-source";

    private Articles() {
    }

    public static EntityTag entity(String id, String name, EntityKind kind, String vendor, String sentence,
            String matched, Salience salience) {
        return new EntityTag(id, name, kind, vendor, List.of(evidence(sentence, matched)), salience);
    }

    public static TopicTag topic(String id, String name, double confidence, String sentence, String cue) {
        return new TopicTag(id, name, confidence, List.of(evidence(sentence, cue)));
    }

    static Evidence evidence(String sentence, String matched) {
        int start = sentence.indexOf(matched);
        return new Evidence(ArticleField.TEXT, matched, start, start + matched.length(), sentence);
    }

    public static EntityTag nvidiaH20() {
        return entity("nvidia-h20", "Nvidia H20", EntityKind.CHIP, "nvidia", EXPORT_SENTENCE, "엔비디아 H20",
                Salience.ABOUT);
    }

    public static EntityTag huawei() {
        return huawei(Salience.ABOUT);
    }

    public static EntityTag huawei(Salience salience) {
        return entity("huawei", "Huawei", EntityKind.COMPANY, null, HUAWEI_SENTENCE, "화웨이", salience);
    }

    public static EntityTag ascend910c() {
        return entity("huawei-ascend-910c", "Huawei Ascend 910C", EntityKind.CHIP, "huawei", HUAWEI_SENTENCE,
                "어센드 910C", Salience.ABOUT);
    }

    public static EntityTag microsoft() {
        return entity("microsoft", "Microsoft", EntityKind.COMPANY, null, CAPEX_SENTENCE, "마이크로소프트",
                Salience.ABOUT);
    }

    public static EntityTag skHynix() {
        return entity("sk-hynix", "SK hynix", EntityKind.COMPANY, null, HBM_SENTENCE, "SK하이닉스", Salience.ABOUT);
    }

    public static EntityTag hbm() {
        return entity("hbm", "HBM", EntityKind.MEMORY, null, HBM_SENTENCE, "HBM3E", Salience.ABOUT);
    }

    public static TopicTag exportControls() {
        return topic("export-controls", "Export controls", 0.9, EXPORT_SENTENCE, "수출 허가");
    }

    public static TopicTag capex(double confidence) {
        return topic("capex", "Capex", confidence, CAPEX_SENTENCE, "투자");
    }

    /** An article of its own event, told by {@link #OUTLET}, whose text is its tags' evidence sentences. */
    public static EnrichedArticle article(String id, List<EntityTag> entities, List<TopicTag> topics) {
        return reportOf(id, id, OUTLET, entities, topics);
    }

    /** A report of the event {@code eventId} by {@code outlet}, whose text is its tags' evidence sentences. */
    public static EnrichedArticle reportOf(String id, String eventId, String outlet, List<EntityTag> entities,
            List<TopicTag> topics) {
        String text = String.join(" ", Stream.concat(
                        entities.stream().map(tag -> tag.evidence().get(0).sentence()),
                        topics.stream().map(tag -> tag.evidence().get(0).sentence()))
                .distinct().toList());
        return withText(id, eventId, outlet, "반도체 수출 규제와 중국 AI 칩 동향", text, entities, topics);
    }

    public static EnrichedArticle withText(String id, String eventId, String outlet, String title, String text,
            List<EntityTag> entities, List<TopicTag> topics) {
        // Each outlet is its own source: the shared one, or another.
        String source = OUTLET.equals(outlet) ? SOURCE : "other-source";
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, source, outlet,
                "https://news.example.kr/articles/" + id, title,
                Instant.parse("2026-11-20T01:00:00Z"), null, Instant.parse("2026-11-20T01:05:00Z"), "ko", null, null,
                text, "fingerprint-" + id);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "story-" + id, eventId, entities, topics,
                Instant.parse("2026-11-20T01:06:00Z"));
    }
}
