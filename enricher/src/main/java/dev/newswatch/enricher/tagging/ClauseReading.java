package dev.newswatch.enricher.tagging;

/**
 * How a news sentence stands to the event it names, as a reader tells from its time words and endings. A
 * sentence may have several readings (앞서 발표한 계획 is background and planned).
 */
public enum ClauseReading {
    /** Told as history: 지난해, 앞서, 당시, … 바 있다. */
    BACKGROUND,
    /** Someone else's guess or a rumour: 것으로 예상된다, 가능성, 루머, 임박. */
    SPECULATIVE,
    /** The actor's own stated intention, not yet done: 계획, 예정, 방침, 목표. */
    PLANNED,
    /** Said not to have happened: 않았다, 못했다, 함구. */
    NEGATED
}
