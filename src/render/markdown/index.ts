/** Markdown and GitHub renderings of `validate` for the Action adapter. Pure functions only. */
export { COMMENT_MARKER, COMMENT_MAX_LENGTH, renderPrComment } from './comment.js';
export type { MarkdownContext } from './context.js';
export { renderJobSummary, SUMMARY_MAX_BYTES } from './summary.js';
export { statusFor, STATUS_CONTEXT, STATUS_DESCRIPTION_MAX, type CommitStatus } from './status.js';
export { annotationsFor, ANNOTATION_LIMIT, type Annotation } from './annotations.js';
export { verdictOf, type FileState, type FileVerdict } from './classify.js';
