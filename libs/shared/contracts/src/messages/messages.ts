/**
 * Per couple: one couple thread (both partners and the therapists) and one private thread per
 * partner (that partner and the therapists; the other partner never learns it exists).
 */
export const MESSAGE_THREAD_KINDS = ['couple', 'private'] as const;
export type MessageThreadKind = (typeof MESSAGE_THREAD_KINDS)[number];

/** Plain text only; longer thoughts belong in a session. */
export const MESSAGE_MAX_LENGTH = 4000;
