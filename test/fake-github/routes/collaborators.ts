import { bodyObject, json, noContent, notFound, str, validationFailed, type Route } from '../http.js';
import { paginate } from '../pagination.js';
import { collaborator, collaboratorOf, invitation, legacyPermission } from '../shapes.js';
import { parseRole } from '../state.js';
import { intParam, repoOf } from './common.js';

const C = '/repos/{owner}/{repo}/collaborators';

export const collaboratorRoutes: Route[] = [
  {
    method: 'GET',
    path: C,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const affiliation = ctx.query.get('affiliation') ?? 'all';
      const list = [...repo.collaborators.values()]
        .sort((a, b) => a.user.id - b.user.id)
        .map((c) => collaboratorOf(ctx.state, c));
      if (affiliation !== 'outside' && repo.owner.type !== 'Organization')
        list.unshift(collaborator(ctx.state, repo.owner, 'admin'));
      return paginate(ctx, list);
    },
  },
  {
    method: 'PUT',
    path: `${C}/{username}`,
    permissions: 'administration=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const user = ctx.state.getUser(ctx.params.username ?? '');
      if (!user || user.type === 'Organization') throw notFound();
      const role = parseRole(str(bodyObject(ctx).permission));
      if (!role)
        throw validationFailed('Validation Failed', [
          { resource: 'Repository', field: 'permission', code: 'invalid' },
        ]);
      if (user.login.toLowerCase() === repo.owner.login.toLowerCase())
        throw validationFailed('Repository owner cannot be a collaborator');
      const key = user.login.toLowerCase();
      const existing = repo.collaborators.get(key);
      const orgMember = ctx.state.getOrg(repo.owner.login)?.members.has(key) ?? false;
      if (existing || orgMember) {
        repo.addCollaborator(user.login, role);
        return noContent();
      }
      const inv = repo.invite(user.login, role, ctx.user.login);
      return json(201, invitation(ctx.state, repo, inv));
    },
  },
  {
    method: 'DELETE',
    path: `${C}/{username}`,
    permissions: 'administration=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      repo.removeCollaborator(ctx.params.username ?? '');
      return noContent();
    },
  },
  {
    method: 'GET',
    path: `${C}/{username}/permission`,
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const user = ctx.state.getUser(ctx.params.username ?? '');
      if (!user) throw notFound();
      const role = repo.roleOf(user.login);
      return json(200, {
        permission: legacyPermission(role),
        role_name: role,
        user: collaborator(ctx.state, user, role === 'none' ? 'read' : role),
      });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/invitations',
    permissions: 'administration=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      return paginate(
        ctx,
        [...repo.invitations.values()].sort((a, b) => a.id - b.id).map((i) => invitation(ctx.state, repo, i)),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/invitations/{invitation_id}',
    permissions: 'administration=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      repo.invitations.delete(intParam(ctx, 'invitation_id'));
      return noContent();
    },
  },
];
