package jp.sapphire.expense.entity;

/** What a category asks of its lines beyond the usual: a route for transport, attendees for entertainment. */
public enum CategoryKind {
    GENERAL,
    TRANSPORT,
    ENTERTAINMENT
}
