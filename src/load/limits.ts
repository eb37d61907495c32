/**
 * Hard limits of the load layer. They bound memory and recursion for untrusted input (grant
 * files come from pull requests), so they are checked before any parsing happens.
 */

/** Largest accepted YAML file (DESIGN.md §2): bigger files are `file-too-large`. */
export const MAX_FILE_BYTES = 64 * 1024;

/** Deepest accepted collection nesting; the real formats need at most ~8 levels. */
export const MAX_DEPTH = 32;

/** GitHub ignores CODEOWNERS files larger than 3 MB; so do we. */
export const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;
