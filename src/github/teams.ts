/**
 * Active members of GitHub teams, read once per team per run. GitHub's team member list holds
 * active members only (pending invitations are not members), so a person whose membership is
 * still pending never counts.
 *
 * The default GITHUB_TOKEN cannot read organisation teams: reading them needs a GitHub App
 * token with the organisation permission "Members: read" (the Action's `app-token` input).
 */
import type { GitHubClient } from './client.js';
import { PermissionError } from './errors.js';

export class TeamReadError extends Error {
  constructor(team: string, why: string) {
    super(
      `cannot read the members of @${team} (${why}). Team membership needs a GitHub App token with the organisation permission "Members: read" (the Action's app-token input); with the default GITHUB_TOKEN, use group: in policies/ instead of @org/team`,
    );
    this.name = 'TeamReadError';
  }
}

export function teamReader(gh: GitHubClient) {
  const cache = new Map<string, Promise<string[]>>();
  const read = (team: string): Promise<string[]> => {
    const key = team.replace(/^@/, '').toLowerCase();
    let hit = cache.get(key);
    if (!hit) {
      const [org, slug] = key.split('/');
      hit = gh
        .paginate(gh.rest.teams.listMembersInOrg, { org: org!, team_slug: slug!, per_page: 100 })
        .then((members) => members.map((m) => m.login))
        .catch((e: unknown) => {
          if (e instanceof PermissionError)
            throw new TeamReadError(key, `missing permission ${e.permission}`);
          const status = (e as { status?: number }).status;
          if (status === 404 || status === 403)
            throw new TeamReadError(
              key,
              `GitHub answered ${status}: the team does not exist or the token cannot see it`,
            );
          throw e;
        });
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    /** `org/slug` (lower case) → active member logins, for every team named. */
    async members(teams: Iterable<string>): Promise<Record<string, string[]>> {
      const keys = [...new Set([...teams].map((t) => t.replace(/^@/, '').toLowerCase()))];
      const lists = await Promise.all(keys.map(read));
      return Object.fromEntries(keys.map((k, i) => [k, lists[i]!]));
    },
  };
}
