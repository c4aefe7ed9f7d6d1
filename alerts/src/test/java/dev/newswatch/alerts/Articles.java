package dev.newswatch.alerts;

import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.ArticleField;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;

/** Enriched-article fixtures; the Korean text is written for these tests. */
final class Articles {

    static final String EXPORT_SENTENCE = "미국 상무부는 엔비디아 H20의 중국 수출 허가 요건을 다시 강화했다.";
    static final String HUAWEI_SENTENCE = "화웨이는 어센드 910C 생산량을 늘리겠다고 밝혔다.";
    static final String CAPEX_SENTENCE = "마이크로소프트는 올해 데이터센터 투자 규모를 크게 늘린다.";

    private Articles() {
    }

    static EntityTag entity(String id, String name, EntityKind kind, String vendor, String sentence, String matched) {
        return new EntityTag(id, name, kind, vendor, List.of(evidence(sentence, matched)), Salience.ABOUT);
    }

    static TopicTag topic(String id, String name, String sentence, String cue) {
        return new TopicTag(id, name, 0.9, List.of(evidence(sentence, cue)));
    }

    static Evidence evidence(String sentence, String matched) {
        int start = sentence.indexOf(matched);
        return new Evidence(ArticleField.TEXT, matched, start, start + matched.length(), sentence);
    }

    static EntityTag nvidiaH20() {
        return entity("nvidia-h20", "Nvidia H20", EntityKind.CHIP, "nvidia", EXPORT_SENTENCE, "엔비디아 H20");
    }

    static EntityTag huawei() {
        return entity("huawei", "Huawei", EntityKind.COMPANY, null, HUAWEI_SENTENCE, "화웨이");
    }

    static EntityTag microsoft() {
        return entity("microsoft", "Microsoft", EntityKind.COMPANY, null, CAPEX_SENTENCE, "마이크로소프트");
    }

    static TopicTag exportControls() {
        return topic("export-controls", "Export controls", EXPORT_SENTENCE, "수출 허가");
    }

    static TopicTag capex() {
        return topic("capex", "Capex", CAPEX_SENTENCE, "투자");
    }

    static EnrichedArticle article(String id, List<EntityTag> entities, List<TopicTag> topics) {
        return copyInStory(id, id, entities, topics);
    }

    /** An article telling the story {@code storyId}, of which it may be a later copy. */
    static EnrichedArticle copyInStory(String id, String storyId, List<EntityTag> entities, List<TopicTag> topics) {
        String text = String.join(" ", entities.stream().map(tag -> tag.evidence().get(0).sentence()).distinct().toList());
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, "test-source", "테스트일보",
                "https://news.example.kr/articles/" + id, "반도체 수출 규제와 중국 AI 칩 동향",
                Instant.parse("2026-11-20T01:00:00Z"), null, Instant.parse("2026-11-20T01:05:00Z"), "ko", null, null, text,
                "fingerprint-" + id);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, storyId, entities, topics,
                Instant.parse("2026-11-20T01:06:00Z"));
    }
}
