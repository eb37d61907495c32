/**
 * The facts of one pull request, in GitHub's own REST field names (DESIGN.md §5, `--pr FACTS.json`).
 * The GitHub adapter fills these from the API; the CLI reads them from a JSON file. The core only
 * reads them, so approvals can be evaluated (and tested) without a network.
 */

export interface GitHubUser {
  login: string;
  /** Numeric account id: stable across renames, so identity is bound to it where known. */
  id?: number;
  /** `User`, `Bot`, `Organization`, `Mannequin`… as the API reports it. */
  type?: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  /** `null` when the reviewer's account was deleted (GitHub shows "ghost"). */
  user: GitHubUser | null;
  state: ReviewState;
  /** The head commit the review was submitted against. */
  commit_id: string;
  /** ISO-8601; absent on PENDING reviews. */
  submitted_at?: string;
  id?: number;
}

export type ChangedFileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  path: string;
  status: ChangedFileStatus;
  /** Set for `renamed` (and `copied`): the path the file had before. */
  previous_filename?: string;
}

export interface PrFacts {
  number: number;
  author: GitHubUser;
  head_sha: string;
  changed_files: ChangedFile[];
  /**
   * Everyone who authored or committed (pushed) a commit in the PR. The adapter must include
   * committers as well as authors: both are excluded from approving.
   */
  commit_authors: GitHubUser[];
  reviews: Review[];
  /** `org/slug` → logins of the team's ACTIVE members (pending invitations excluded). */
  teams: Record<string, string[]>;
}

/**
 * Bots never count as approvers. GitHub marks App accounts `type: "Bot"`; their logins end in
 * `[bot]`. Either signal is enough, because facts written by hand may omit `type`.
 */
export function isBot(user: GitHubUser): boolean {
  return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}
