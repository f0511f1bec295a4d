package quire.export;

/** How a combined Markdown export is laid out. */
public enum Grouping {
    /** One section per article, its highlights in reading order. */
    BY_ARTICLE,
    /** An evidence list: one section per tag, sub-tags nested below, untagged passages last. */
    BY_TAG
}
