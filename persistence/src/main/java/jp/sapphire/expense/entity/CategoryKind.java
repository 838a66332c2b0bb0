package jp.sapphire.expense.entity;

/**
 * What a category asks of its lines beyond the usual: a route for transport, attendees for
 * entertainment, the nights of a stay for lodging, the days of the trip for a per diem (日当).
 */
public enum CategoryKind {
    GENERAL,
    TRANSPORT,
    ENTERTAINMENT,
    LODGING,
    PER_DIEM
}
