import {
  HttpError,
  bodyObject,
  json,
  noContent,
  notFound,
  str,
  validationFailed,
  type Route,
  type RouteContext,
} from '../http.js';
import { paginate } from '../pagination.js';
import { minimalRepo, privateUser, publicUser, simpleUser, teamMembership } from '../shapes.js';
import type { Org, Team } from '../state.js';

function orgOf(ctx: RouteContext): Org {
  const org = ctx.state.getOrg(ctx.params.org ?? '');
  if (!org) throw notFound();
  return org;
}

function teamOf(ctx: RouteContext): Team {
  const team = orgOf(ctx).teams.get((ctx.params.team_slug ?? '').toLowerCase());
  if (!team) throw notFound();
  return team;
}

const M = '/orgs/{org}/teams/{team_slug}/memberships/{username}';

export const orgRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    handler: (ctx) => {
      if (ctx.token.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
      return json(200, privateUser(ctx.state, ctx.user));
    },
  },
  {
    method: 'GET',
    path: '/users/{username}',
    handler: (ctx) => {
      const u = ctx.state.getUser(ctx.params.username ?? '');
      if (!u) throw notFound();
      return json(200, publicUser(ctx.state, u));
    },
  },
  {
    method: 'GET',
    path: M,
    permissions: 'members=read',
    handler: (ctx) => {
      const team = teamOf(ctx);
      const m = team.memberships.get((ctx.params.username ?? '').toLowerCase());
      if (!m) throw notFound();
      return json(200, teamMembership(ctx.state, team, m.user.login, m.role, m.state));
    },
  },
  {
    method: 'PUT',
    path: M,
    permissions: 'members=write',
    handler: (ctx) => {
      const team = teamOf(ctx);
      const user = ctx.state.getUser(ctx.params.username ?? '');
      if (!user) throw notFound();
      if (user.type === 'Organization') throw validationFailed('Cannot add an organization as a member.');
      const role = str(bodyObject(ctx).role) ?? 'member';
      if (role !== 'member' && role !== 'maintainer')
        throw validationFailed('Validation Failed', [
          { resource: 'TeamMember', field: 'role', code: 'invalid' },
        ]);
      const key = user.login.toLowerCase();
      const existing = team.memberships.get(key);
      const state = existing?.state === 'active' || team.org.members.has(key) ? 'active' : 'pending';
      team.memberships.set(key, { user, role, state });
      return json(200, teamMembership(ctx.state, team, user.login, role, state));
    },
  },
  {
    method: 'DELETE',
    path: M,
    permissions: 'members=write',
    handler: (ctx) => {
      const team = teamOf(ctx);
      team.memberships.delete((ctx.params.username ?? '').toLowerCase());
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/members',
    permissions: 'members=read',
    handler: (ctx) => {
      const team = teamOf(ctx);
      const role = ctx.query.get('role') ?? 'all';
      const members = [...team.memberships.values()].filter(
        (m) => m.state === 'active' && (role === 'all' || m.role === role),
      );
      return paginate(
        ctx,
        members.sort((a, b) => a.user.id - b.user.id).map((m) => simpleUser(ctx.state, m.user)),
      );
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/repos',
    handler: (ctx) => {
      const org = orgOf(ctx);
      const type = ctx.query.get('type') ?? 'all';
      const repos = [...ctx.state.repos.values()]
        .filter((r) => r.owner === org.account)
        .filter(
          (r) =>
            type === 'all' ||
            (type === 'private'
              ? r.private
              : type === 'public'
                ? !r.private
                : type === 'forks'
                  ? r.parent !== undefined
                  : type === 'sources'
                    ? r.parent === undefined
                    : true),
        )
        .sort((a, b) => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1));
      return paginate(
        ctx,
        repos.map((r) => ({ ...minimalRepo(ctx.state, r), custom_properties: { ...r.customProperties } })),
      );
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/properties/values',
    permissions: 'organization_custom_properties=read',
    handler: (ctx) => {
      const org = orgOf(ctx);
      const repos = [...ctx.state.repos.values()]
        .filter((r) => r.owner === org.account)
        .sort((a, b) => a.id - b.id);
      return paginate(
        ctx,
        repos.map((r) => ({
          repository_id: r.id,
          repository_name: r.name,
          repository_full_name: r.fullName,
          properties: Object.entries(r.customProperties).map(([property_name, value]) => ({
            property_name,
            value,
          })),
        })),
      );
    },
  },
];
