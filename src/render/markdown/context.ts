/** What the Action adapter knows about the run, for the footer of comments and summaries. */
export interface MarkdownContext {
  /** The pull request's head commit that was evaluated. */
  headSha: string;
  /** Link to the workflow run (only plain http(s) URLs are linked). */
  runUrl?: string;
  /** When the evaluation ran (ISO-8601, from the injected clock). */
  now: string;
  /**
   * Resolution digest per grant file (repository path → digest), as shown to reviewers;
   * apply refuses when the set it resolves at merge has another digest. Files without one
   * show none: the renderers compute nothing.
   */
  digests?: Readonly<Record<string, string>>;
}
