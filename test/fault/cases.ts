/**
 * # Fault-injection table: every GitHub route and provider call of `apply` and `reconcile`
 *
 * One row = one case: the fault is injected, the bundled Action (dist/) runs as a child process
 * against the GitHub fake, real PostgreSQL and a signed webhook receiver, the invariants are
 * checked, the fault is removed, the command runs AGAIN, and the invariants are checked strictly:
 * (1) nobody holds access without a merged, approved, active grant (a failed revocation may stay
 * only while the run names it); (2) every expired or deleted grant is revoked once the fault is
 * gone; (3) no duplicate comment, alert issue, revocation PR or revocation commit; (4) the first
 * run exits ≠ 0 and its `result` / error annotations name what failed, unless the fault was
 * absorbed by retries. Run by test/fault/apply.test.ts and test/fault/reconcile.test.ts; a test
 * checks that this header matches the rows below and that every route a clean run requests has
 * a row. A new route is one line in CASES.
 *
 * Scenarios. apply: `grant` = a merged, approved PR adds a grant of alice on PostgreSQL,
 * webhook and GitHub (CODEOWNERS @acme/sre); `grant, rerun` = the same, after one clean run
 * (the apply comment exists); `delete` = a granted file is deleted (alice is a collaborator);
 * `delete, invited` = the same while alice's invitation is pending; `direct push` = a grant file
 * pushed without a PR (refused: an alert issue, exit 1 even without a fault). reconcile: three
 * expired grants (PostgreSQL, GitHub, webhook), one active grant whose access was removed by
 * hand; `pr` = revocation mode pull-request, `pr, open` = a revocation PR is already open,
 * `commit` = revocation mode commit. Times: ×1 = the next matching request only, ×∞ = all of them.
 * `absorbed` = the run succeeds as without the fault; `lost answer` = the server carried out the
 * write and only the answer was lost (replayed into the fake after the run); `timeout` = the
 * answer is held well past the client's timeout (GitHub client 2 s in these runs, webhook
 * resource `timeout: 2s`), then served: the server carries out the write all the same, after the
 * client gave up (checked once it has landed).
 *
 * <!-- table:start -->
 * | id | command | scenario | route or call | fault | first run | rerun |
 * | --- | --- | --- | --- | --- | --- | --- |
 * | A01 | apply | grant | `GET /user` | 500 ×∞ | fails, names `/user` | converges |
 * | A02 | apply | grant | `GET /user` | reset ×1 | absorbed | converges |
 * | A03 | apply | grant | `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` | 502 ×1 | absorbed | converges |
 * | A04 | apply | grant | `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` | 500 ×∞ | fails, names `/pulls` | converges |
 * | A05 | apply | grant | `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` | 422 ×∞ | fails, names `failed with 422` | converges |
 * | A06 | apply | grant | `GET /repos/{owner}/{repo}/pulls/{pull_number}` | 429 ×1 | absorbed | converges |
 * | A07 | apply | grant | `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` | 500 ×∞ | fails, names `/files` | converges |
 * | A08 | apply | grant | `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` | 403 secondary ×1 | absorbed | converges |
 * | A09 | apply | grant | `GET /repos/{owner}/{repo}/pulls/{pull_number}/commits` | reset ×1 | absorbed | converges |
 * | A10 | apply | grant | `GET /orgs/{org}/teams/{team_slug}/members` | 500 ×∞ | fails, names `/teams/sre/members` | converges |
 * | A11 | apply | grant | `GET /orgs/{org}/teams/{team_slug}/members` | 404 ×∞ | fails, names `@acme/sre` | converges |
 * | A12 | apply | grant | `GET /repos/{owner}/{repo}/issues/{issue_number}/comments` | 502 ×∞ | fails, names `/comments` | converges |
 * | A13 | apply | grant | `GET /repos/{owner}/{repo}/collaborators/{username}/permission` | 500 ×∞ | fails, names `billing-repo-staging` | converges |
 * | A14 | apply | grant | `GET /repos/{owner}/{repo}/invitations` | reset ×∞ | fails, names `billing-repo-staging` | converges |
 * | A15 | apply | grant | `PUT /repos/{owner}/{repo}/collaborators/{username}` | 502 ×1 | absorbed | converges |
 * | A16 | apply | grant | `PUT /repos/{owner}/{repo}/collaborators/{username}` | 422 ×∞ | fails, names `billing-repo-staging` | converges |
 * | A17 | apply | grant | `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` | 502 ×1, lost answer | fails, names `/comments` | converges |
 * | A18 | apply | grant | `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` | 429 ×1 | absorbed | converges |
 * | A19 | apply | grant, rerun | `PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}` | 500 ×∞ | fails, names `/issues/comments/` | converges |
 * | A20 | apply | grant | postgres: connect | refused ×∞ | fails, names `billing-db-staging` | converges |
 * | A21 | apply | grant | postgres: connect | reset ×∞ | fails, names `billing-db-staging` | converges |
 * | A22 | apply | grant | postgres: connect | timeout ×∞ | fails, names `billing-db-staging` | converges |
 * | A23 | apply | grant | webhook: POST | 500 ×1 | absorbed | converges |
 * | A24 | apply | grant | webhook: POST | reset ×1 | absorbed | converges |
 * | A25 | apply | grant | webhook: POST | 404 ×∞ | fails, names `billing-notebooks` | converges |
 * | A26 | apply | grant | webhook: POST | timeout ×1 | absorbed | converges |
 * | A27 | apply | grant | `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` | timeout ×1 | absorbed | converges |
 * | A28 | apply | delete | `GET /repos/{owner}/{repo}/collaborators` | 500 ×∞ | fails, names `billing-repo-staging` | converges |
 * | A29 | apply | delete | `DELETE /repos/{owner}/{repo}/collaborators/{username}` | reset ×1 | absorbed | converges |
 * | A30 | apply | delete | `DELETE /repos/{owner}/{repo}/collaborators/{username}` | 404 ×1 | fails, names `not confirmed` | converges |
 * | A31 | apply | delete, invited | `DELETE /repos/{owner}/{repo}/invitations/{invitation_id}` | 500 ×∞ | fails, names `billing-repo-staging` | converges |
 * | A32 | apply | delete, invited | `DELETE /repos/{owner}/{repo}/invitations/{invitation_id}` | 403 secondary ×1 | absorbed | converges |
 * | A33 | apply | delete | postgres: connect | refused ×∞ | fails, names `billing-db-staging` | converges |
 * | A34 | apply | delete | webhook: POST | 400 ×∞ | fails, names `billing-notebooks` | converges |
 * | A35 | apply | direct push | `GET /repos/{owner}/{repo}/issues` | 500 ×∞ | fails, names `/issues` | converges |
 * | A36 | apply | direct push | `POST /repos/{owner}/{repo}/issues` | 502 ×1, lost answer | fails, names `/issues` | converges |
 * | A37 | apply | direct push | `POST /repos/{owner}/{repo}/issues` | reset ×1 | fails, names `/issues` | converges |
 * | A38 | apply | direct push | `POST /repos/{owner}/{repo}/issues` | 403 secondary ×1 | absorbed | converges |
 * | A39 | apply | grant | `PUT /repos/{owner}/{repo}/collaborators/{username}` | timeout ×∞ | fails, names `billing-repo-staging` | converges |
 * | A40 | apply | grant | `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` | timeout ×1 | fails, names `/comments` | converges |
 * | A41 | apply | grant | `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` | timeout ×∞ | fails, names `timed out: no answer within` | converges |
 * | R01 | reconcile | pr | `GET /repos/{owner}/{repo}` | 500 ×∞ | absorbed | converges |
 * | R02 | reconcile | pr | `GET /user` | 502 ×1 | absorbed | converges |
 * | R03 | reconcile | pr | `GET /repos/{owner}/{repo}/git/ref/{ref+}` (state) | 500 ×∞ | fails, names `state` | converges |
 * | R04 | reconcile | pr | `GET /repos/{owner}/{repo}/git/blobs/{file_sha}` | reset ×1 | absorbed | converges |
 * | R05 | reconcile | pr | `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` | 500 ×∞ | fails, names `/pulls` | converges |
 * | R06 | reconcile | pr | `GET /repos/{owner}/{repo}/pulls/{pull_number}` | 429 ×1 | absorbed | converges |
 * | R07 | reconcile | pr | `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` | 500 ×∞ | fails, names `/files` | converges |
 * | R08 | reconcile | pr | `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews` | 502 ×1 | absorbed | converges |
 * | R09 | reconcile | pr | `GET /repos/{owner}/{repo}/pulls/{pull_number}/commits` | reset ×1 | absorbed | converges |
 * | R10 | reconcile | pr | `GET /repos/{owner}/{repo}/issues/{issue_number}/comments` | 429 ×1 | absorbed | converges |
 * | R11 | reconcile | pr | `GET /orgs/{org}/teams/{team_slug}/members` | 403 secondary ×1 | absorbed | converges |
 * | R12 | reconcile | pr | `GET /repos/{owner}/{repo}/collaborators` | 500 ×∞ | fails, names `frontend-web` | converges |
 * | R13 | reconcile | pr | `DELETE /repos/{owner}/{repo}/collaborators/{username}` | 502 ×∞ | fails, names `frontend-web` | converges |
 * | R14 | reconcile | pr | `GET /repos/{owner}/{repo}/invitations` | 404 ×∞ | fails, names `frontend-web` | converges |
 * | R15 | reconcile | pr | `PUT /repos/{owner}/{repo}/collaborators/{username}` | 500 ×∞ | fails, names `frontend-web` | converges |
 * | R16 | reconcile | pr | `PUT /repos/{owner}/{repo}/collaborators/{username}` | reset ×1 | absorbed | converges |
 * | R17 | reconcile | pr | `GET /repos/{owner}/{repo}/collaborators/{username}/permission` | 429 ×1 | absorbed | converges |
 * | R18 | reconcile | pr | postgres: connect | refused ×∞ | fails, names `billing-db-prod` | converges |
 * | R19 | reconcile | pr | postgres: connect | reset ×∞ | fails, names `billing-db-prod` | converges |
 * | R20 | reconcile | pr | webhook: POST | 502 ×1 | absorbed | converges |
 * | R21 | reconcile | pr | webhook: POST | 403 ×∞ | fails, names `ds-notebooks` | converges |
 * | R22 | reconcile | pr | `GET /repos/{owner}/{repo}/pulls` | 500 ×∞ | fails, names `revocation record` | converges |
 * | R23 | reconcile | pr | `GET /repos/{owner}/{repo}/git/ref/{ref+}` (main) | reset ×1 | absorbed | converges |
 * | R24 | reconcile | pr | `GET /repos/{owner}/{repo}/git/trees/{tree_sha}` | 502 ×1 | absorbed | converges |
 * | R25 | reconcile | pr | `POST /repos/{owner}/{repo}/git/trees` | 500 ×∞ | fails, names `/git/trees` | converges |
 * | R26 | reconcile | pr | `POST /repos/{owner}/{repo}/git/commits` | 422 ×1 | fails, names `/git/commits` | converges |
 * | R27 | reconcile | pr | `POST /repos/{owner}/{repo}/git/refs` | 422 ×1 | fails, names `revocation record` | converges |
 * | R28 | reconcile | pr | `POST /repos/{owner}/{repo}/pulls` | 502 ×1, lost answer | fails, names `/pulls` | converges |
 * | R29 | reconcile | pr | `POST /repos/{owner}/{repo}/pulls` | 403 secondary ×1 | absorbed | converges |
 * | R30 | reconcile | pr, open | `PATCH /repos/{owner}/{repo}/pulls/{pull_number}` | 500 ×∞ | fails, names `/pulls/` | converges |
 * | R31 | reconcile | pr, open | `PATCH /repos/{owner}/{repo}/git/refs/{ref+}` (revocation branch) | 502 ×1 | absorbed | converges |
 * | R32 | reconcile | pr | `PATCH /repos/{owner}/{repo}/git/refs/{ref+}` (state) | 500 ×∞ | fails, names `state` | converges |
 * | R33 | reconcile | commit | `PATCH /repos/{owner}/{repo}/git/refs/{ref+}` (main) | 422 ×1 | absorbed | converges |
 * | R34 | reconcile | commit | `PATCH /repos/{owner}/{repo}/git/refs/{ref+}` (main) | 500 ×∞ | fails, names `git/refs/heads/main` | converges |
 * | R35 | reconcile | commit | `POST /repos/{owner}/{repo}/git/commits` | reset ×1 | absorbed | converges |
 * | R36 | reconcile | pr | `GET /user` | 500 ×∞ | fails, names `/user` | converges |
 * | R37 | reconcile | pr | `DELETE /repos/{owner}/{repo}/collaborators/{username}` | timeout ×1 | absorbed | converges |
 * | R38 | reconcile | pr | webhook: POST | timeout ×1 | absorbed | converges |
 * <!-- table:end -->
 */

export type Command = 'apply' | 'reconcile';
export type Scenario =
  'grant' | 'grant, rerun' | 'delete' | 'delete, invited' | 'direct push' | 'pr' | 'pr, open' | 'commit';
export type FaultName =
  '500' | '502' | '400' | '403' | '404' | '422' | '429' | '403 secondary' | 'reset' | 'refused' | 'timeout';

export interface FaultCase {
  id: string;
  command: Command;
  scenario: Scenario;
  /** `METHOD /template` of the GitHub fake, or `postgres: connect`, `webhook: POST`, or a description. */
  target: string;
  /** Which requests of the route (GitHub): an exact path or a RegExp on the path. */
  path?: string | RegExp;
  /** Shown after the route when the same route serves several purposes (e.g. `state`, `main`). */
  purpose?: string;
  fault: FaultName;
  times: number;
  lostAnswer?: true;
  expect: 'absorbed' | 'fails' | 'skipped';
  /** Failing runs: the text the result or the error annotations must contain. */
  names?: string;
  /** Skipped rows: why. */
  skip?: string;
}

const R = '/repos/acme/access';
const PR = String.raw`\d+`;
const SHA = '[0-9a-f]{40}';
const re = (s: string) => new RegExp(`^${s}$`);
const INF = Infinity;

type Row = Omit<FaultCase, 'command'>;
const apply = (rows: Row[]): FaultCase[] => rows.map((r) => ({ ...r, command: 'apply' }));
const reconcile = (rows: Row[]): FaultCase[] => rows.map((r) => ({ ...r, command: 'reconcile' }));

const T = {
  user: 'GET /user',
  repo: 'GET /repos/{owner}/{repo}',
  commitPulls: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  pull: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  pullFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
  pullReviews: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  pullCommits: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
  teamMembers: 'GET /orgs/{org}/teams/{team_slug}/members',
  comments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  permission: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  collaborators: 'GET /repos/{owner}/{repo}/collaborators',
  putCollaborator: 'PUT /repos/{owner}/{repo}/collaborators/{username}',
  deleteCollaborator: 'DELETE /repos/{owner}/{repo}/collaborators/{username}',
  invitations: 'GET /repos/{owner}/{repo}/invitations',
  deleteInvitation: 'DELETE /repos/{owner}/{repo}/invitations/{invitation_id}',
  issues: 'GET /repos/{owner}/{repo}/issues',
  createIssue: 'POST /repos/{owner}/{repo}/issues',
  getRef: 'GET /repos/{owner}/{repo}/git/ref/{ref+}',
  getBlob: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
  getTree: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  getCommit: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  createTree: 'POST /repos/{owner}/{repo}/git/trees',
  createCommit: 'POST /repos/{owner}/{repo}/git/commits',
  createRef: 'POST /repos/{owner}/{repo}/git/refs',
  updateRef: 'PATCH /repos/{owner}/{repo}/git/refs/{ref+}',
  pulls: 'GET /repos/{owner}/{repo}/pulls',
  createPull: 'POST /repos/{owner}/{repo}/pulls',
  updatePull: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  pg: 'postgres: connect',
  hook: 'webhook: POST',
} as const;

const STG = '/repos/acme/billing-staging';
const WEB = '/repos/acme/frontend-web';

// One row per case: kept on one line each (a new route is one line).
// prettier-ignore
export const CASES: FaultCase[] = [
  ...apply([
    { id: 'A01', scenario: 'grant', target: T.user, path: '/user', fault: '500', times: INF, expect: 'fails', names: '/user' },
    { id: 'A02', scenario: 'grant', target: T.user, path: '/user', fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'A03', scenario: 'grant', target: T.commitPulls, path: re(`${R}/commits/${SHA}/pulls`), fault: '502', times: 1, expect: 'absorbed' },
    { id: 'A04', scenario: 'grant', target: T.commitPulls, path: re(`${R}/commits/${SHA}/pulls`), fault: '500', times: INF, expect: 'fails', names: '/pulls' },
    { id: 'A05', scenario: 'grant', target: T.commitPulls, path: re(`${R}/commits/${SHA}/pulls`), fault: '422', times: INF, expect: 'fails', names: 'failed with 422' },
    { id: 'A06', scenario: 'grant', target: T.pull, path: re(`${R}/pulls/${PR}`), fault: '429', times: 1, expect: 'absorbed' },
    { id: 'A07', scenario: 'grant', target: T.pullFiles, path: re(`${R}/pulls/${PR}/files`), fault: '500', times: INF, expect: 'fails', names: '/files' },
    { id: 'A08', scenario: 'grant', target: T.pullReviews, path: re(`${R}/pulls/${PR}/reviews`), fault: '403 secondary', times: 1, expect: 'absorbed' },
    { id: 'A09', scenario: 'grant', target: T.pullCommits, path: re(`${R}/pulls/${PR}/commits`), fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'A10', scenario: 'grant', target: T.teamMembers, path: '/orgs/acme/teams/sre/members', fault: '500', times: INF, expect: 'fails', names: '/teams/sre/members' },
    { id: 'A11', scenario: 'grant', target: T.teamMembers, path: '/orgs/acme/teams/sre/members', fault: '404', times: INF, expect: 'fails', names: '@acme/sre' },
    { id: 'A12', scenario: 'grant', target: T.comments, path: re(`${R}/issues/${PR}/comments`), fault: '502', times: INF, expect: 'fails', names: '/comments' },
    { id: 'A13', scenario: 'grant', target: T.permission, path: `${STG}/collaborators/alice/permission`, fault: '500', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A14', scenario: 'grant', target: T.invitations, path: `${STG}/invitations`, fault: 'reset', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A15', scenario: 'grant', target: T.putCollaborator, path: `${STG}/collaborators/alice`, fault: '502', times: 1, expect: 'absorbed' },
    { id: 'A16', scenario: 'grant', target: T.putCollaborator, path: `${STG}/collaborators/alice`, fault: '422', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A17', scenario: 'grant', target: T.createComment, path: re(`${R}/issues/${PR}/comments`), fault: '502', times: 1, lostAnswer: true, expect: 'fails', names: '/comments' },
    { id: 'A18', scenario: 'grant', target: T.createComment, path: re(`${R}/issues/${PR}/comments`), fault: '429', times: 1, expect: 'absorbed' },
    { id: 'A19', scenario: 'grant, rerun', target: T.updateComment, path: re(`${R}/issues/comments/${PR}`), fault: '500', times: INF, expect: 'fails', names: '/issues/comments/' },
    { id: 'A20', scenario: 'grant', target: T.pg, fault: 'refused', times: INF, expect: 'fails', names: 'billing-db-staging' },
    { id: 'A21', scenario: 'grant', target: T.pg, fault: 'reset', times: INF, expect: 'fails', names: 'billing-db-staging' },
    { id: 'A22', scenario: 'grant', target: T.pg, fault: 'timeout', times: INF, expect: 'fails', names: 'billing-db-staging' },
    { id: 'A23', scenario: 'grant', target: T.hook, fault: '500', times: 1, expect: 'absorbed' },
    { id: 'A24', scenario: 'grant', target: T.hook, fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'A25', scenario: 'grant', target: T.hook, fault: '404', times: INF, expect: 'fails', names: 'billing-notebooks' },
    { id: 'A26', scenario: 'grant', target: T.hook, fault: 'timeout', times: 1, expect: 'absorbed' },
    { id: 'A27', scenario: 'grant', target: T.pullReviews, path: re(`${R}/pulls/${PR}/reviews`), fault: 'timeout', times: 1, expect: 'absorbed' },
    { id: 'A28', scenario: 'delete', target: T.collaborators, path: `${STG}/collaborators`, fault: '500', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A29', scenario: 'delete', target: T.deleteCollaborator, path: `${STG}/collaborators/alice`, fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'A30', scenario: 'delete', target: T.deleteCollaborator, path: `${STG}/collaborators/alice`, fault: '404', times: 1, expect: 'fails', names: 'not confirmed' },
    { id: 'A31', scenario: 'delete, invited', target: T.deleteInvitation, path: re(`${STG}/invitations/\\d+`), fault: '500', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A32', scenario: 'delete, invited', target: T.deleteInvitation, path: re(`${STG}/invitations/\\d+`), fault: '403 secondary', times: 1, expect: 'absorbed' },
    { id: 'A33', scenario: 'delete', target: T.pg, fault: 'refused', times: INF, expect: 'fails', names: 'billing-db-staging' },
    { id: 'A34', scenario: 'delete', target: T.hook, fault: '400', times: INF, expect: 'fails', names: 'billing-notebooks' },
    { id: 'A35', scenario: 'direct push', target: T.issues, path: `${R}/issues`, fault: '500', times: INF, expect: 'fails', names: '/issues' },
    { id: 'A36', scenario: 'direct push', target: T.createIssue, path: `${R}/issues`, fault: '502', times: 1, lostAnswer: true, expect: 'fails', names: '/issues' },
    { id: 'A37', scenario: 'direct push', target: T.createIssue, path: `${R}/issues`, fault: 'reset', times: 1, expect: 'fails', names: '/issues' },
    { id: 'A38', scenario: 'direct push', target: T.createIssue, path: `${R}/issues`, fault: '403 secondary', times: 1, expect: 'absorbed' },
    { id: 'A39', scenario: 'grant', target: T.putCollaborator, path: `${STG}/collaborators/alice`, fault: 'timeout', times: INF, expect: 'fails', names: 'billing-repo-staging' },
    { id: 'A40', scenario: 'grant', target: T.createComment, path: re(`${R}/issues/${PR}/comments`), fault: 'timeout', times: 1, expect: 'fails', names: '/comments' },
    { id: 'A41', scenario: 'grant', target: T.commitPulls, path: re(`${R}/commits/${SHA}/pulls`), fault: 'timeout', times: INF, expect: 'fails', names: 'timed out: no answer within' },
  ]),
  ...reconcile([
    { id: 'R01', scenario: 'pr', target: T.repo, path: R, fault: '500', times: INF, expect: 'absorbed' },
    { id: 'R02', scenario: 'pr', target: T.user, path: '/user', fault: '502', times: 1, expect: 'absorbed' },
    { id: 'R03', scenario: 'pr', target: T.getRef, purpose: 'state', path: `${R}/git/ref/heads/gitgrant-state`, fault: '500', times: INF, expect: 'fails', names: 'state' },
    { id: 'R04', scenario: 'pr', target: T.getBlob, path: re(`${R}/git/blobs/${SHA}`), fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'R05', scenario: 'pr', target: T.commitPulls, path: re(`${R}/commits/${SHA}/pulls`), fault: '500', times: INF, expect: 'fails', names: '/pulls' },
    { id: 'R06', scenario: 'pr', target: T.pull, path: re(`${R}/pulls/${PR}`), fault: '429', times: 1, expect: 'absorbed' },
    { id: 'R07', scenario: 'pr', target: T.pullFiles, path: re(`${R}/pulls/${PR}/files`), fault: '500', times: INF, expect: 'fails', names: '/files' },
    { id: 'R08', scenario: 'pr', target: T.pullReviews, path: re(`${R}/pulls/${PR}/reviews`), fault: '502', times: 1, expect: 'absorbed' },
    { id: 'R09', scenario: 'pr', target: T.pullCommits, path: re(`${R}/pulls/${PR}/commits`), fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'R10', scenario: 'pr', target: T.comments, path: re(`${R}/issues/${PR}/comments`), fault: '429', times: 1, expect: 'absorbed' },
    { id: 'R11', scenario: 'pr', target: T.teamMembers, path: '/orgs/acme/teams/sre/members', fault: '403 secondary', times: 1, expect: 'absorbed' },
    { id: 'R12', scenario: 'pr', target: T.collaborators, path: `${WEB}/collaborators`, fault: '500', times: INF, expect: 'fails', names: 'frontend-web' },
    { id: 'R13', scenario: 'pr', target: T.deleteCollaborator, path: `${WEB}/collaborators/dave`, fault: '502', times: INF, expect: 'fails', names: 'frontend-web' },
    { id: 'R14', scenario: 'pr', target: T.invitations, path: `${WEB}/invitations`, fault: '404', times: INF, expect: 'fails', names: 'frontend-web' },
    { id: 'R15', scenario: 'pr', target: T.putCollaborator, path: `${WEB}/collaborators/frank`, fault: '500', times: INF, expect: 'fails', names: 'frontend-web' },
    { id: 'R16', scenario: 'pr', target: T.putCollaborator, path: `${WEB}/collaborators/frank`, fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'R17', scenario: 'pr', target: T.permission, path: `${WEB}/collaborators/frank/permission`, fault: '429', times: 1, expect: 'absorbed' },
    { id: 'R18', scenario: 'pr', target: T.pg, fault: 'refused', times: INF, expect: 'fails', names: 'billing-db-prod' },
    { id: 'R19', scenario: 'pr', target: T.pg, fault: 'reset', times: INF, expect: 'fails', names: 'billing-db-prod' },
    { id: 'R20', scenario: 'pr', target: T.hook, fault: '502', times: 1, expect: 'absorbed' },
    { id: 'R21', scenario: 'pr', target: T.hook, fault: '403', times: INF, expect: 'fails', names: 'ds-notebooks' },
    { id: 'R22', scenario: 'pr', target: T.pulls, path: `${R}/pulls`, fault: '500', times: INF, expect: 'fails', names: 'revocation record' },
    { id: 'R23', scenario: 'pr', target: T.getRef, purpose: 'main', path: `${R}/git/ref/heads/main`, fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'R24', scenario: 'pr', target: T.getTree, path: re(`${R}/git/trees/${SHA}`), fault: '502', times: 1, expect: 'absorbed' },
    { id: 'R25', scenario: 'pr', target: T.createTree, path: `${R}/git/trees`, fault: '500', times: INF, expect: 'fails', names: '/git/trees' },
    { id: 'R26', scenario: 'pr', target: T.createCommit, path: `${R}/git/commits`, fault: '422', times: 1, expect: 'fails', names: '/git/commits' },
    { id: 'R27', scenario: 'pr', target: T.createRef, path: `${R}/git/refs`, fault: '422', times: 1, expect: 'fails', names: 'revocation record' },
    { id: 'R28', scenario: 'pr', target: T.createPull, path: `${R}/pulls`, fault: '502', times: 1, lostAnswer: true, expect: 'fails', names: '/pulls' },
    { id: 'R29', scenario: 'pr', target: T.createPull, path: `${R}/pulls`, fault: '403 secondary', times: 1, expect: 'absorbed' },
    { id: 'R30', scenario: 'pr, open', target: T.updatePull, path: re(`${R}/pulls/${PR}`), fault: '500', times: INF, expect: 'fails', names: '/pulls/' },
    { id: 'R31', scenario: 'pr, open', target: T.updateRef, purpose: 'revocation branch', path: `${R}/git/refs/heads/gitgrant/revocations`, fault: '502', times: 1, expect: 'absorbed' },
    { id: 'R32', scenario: 'pr', target: T.updateRef, purpose: 'state', path: `${R}/git/refs/heads/gitgrant-state`, fault: '500', times: INF, expect: 'fails', names: 'state' },
    { id: 'R33', scenario: 'commit', target: T.updateRef, purpose: 'main', path: `${R}/git/refs/heads/main`, fault: '422', times: 1, expect: 'absorbed' },
    { id: 'R34', scenario: 'commit', target: T.updateRef, purpose: 'main', path: `${R}/git/refs/heads/main`, fault: '500', times: INF, expect: 'fails', names: 'git/refs/heads/main' },
    { id: 'R35', scenario: 'commit', target: T.createCommit, path: `${R}/git/commits`, fault: 'reset', times: 1, expect: 'absorbed' },
    { id: 'R36', scenario: 'pr', target: T.user, path: '/user', fault: '500', times: INF, expect: 'fails', names: '/user' },
    { id: 'R37', scenario: 'pr', target: T.deleteCollaborator, path: `${WEB}/collaborators/dave`, fault: 'timeout', times: 1, expect: 'absorbed' },
    { id: 'R38', scenario: 'pr', target: T.hook, fault: 'timeout', times: 1, expect: 'absorbed' },
  ]),
];

/**
 * Routes a clean run requests that have no row, and why. (Everything else a clean run requests
 * must have a row: the coverage tests fail on a new route without one.)
 */
export const NOT_FAULTED: Record<string, string> = {
  [T.getCommit]:
    'read together with the tree of the same commit (state and record): same error path as GET git/trees',
};

export const ROUTES = T;

/** The markdown table of the header, rendered from CASES. */
export function renderTable(cases: readonly FaultCase[] = CASES): string {
  const lines = [
    '| id | command | scenario | route or call | fault | first run | rerun |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of cases) {
    const target = c.target.includes(' /')
      ? `\`${c.target}\`${c.purpose ? ` (${c.purpose})` : ''}`
      : c.target;
    const fault = `${c.fault} ×${c.times === INF ? '∞' : c.times}${c.lostAnswer ? ', lost answer' : ''}`;
    const first =
      c.expect === 'absorbed'
        ? 'absorbed'
        : c.expect === 'skipped'
          ? `skipped: ${c.skip}`
          : `fails, names \`${c.names}\``;
    lines.push(
      `| ${c.id} | ${c.command} | ${c.scenario} | ${target} | ${fault} | ${first} | ${c.expect === 'skipped' ? '—' : 'converges'} |`,
    );
  }
  return lines.join('\n');
}
