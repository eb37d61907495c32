import {
  HttpError,
  bodyObject,
  json,
  noContent,
  notFound,
  str,
  validationFailed,
  type Reply,
  type Route,
  type RouteContext,
} from '../http.js';
import { paginate } from '../pagination.js';
import { diffCommits, diffEntryJson, fileDiff, gitCommit, restCommit } from '../shapes.js';
import { isoSeconds, type FlatEntry, type TreeEntry, type TreeMode } from '../git-objects.js';
import type { Repo } from '../state.js';
import { commitOf, repoOf } from './common.js';

const R = '/repos/{owner}/{repo}';

function treeJson(ctx: RouteContext, repo: Repo, sha: string, recursive: boolean): Record<string, unknown> {
  const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
  const entries: Array<TreeEntry & { path: string }> = recursive
    ? repo.objects.walk(sha)
    : (repo.objects.getTree(sha)?.entries ?? []).map((e) => ({ ...e, path: e.name }));
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob'
        ? { size: repo.objects.getBlob(e.sha)?.content.length ?? 0, url: `${api}/git/blobs/${e.sha}` }
        : {}),
      ...(e.type === 'tree' ? { url: `${api}/git/trees/${e.sha}` } : {}),
    })),
    truncated: false,
  };
}

function refJson(ctx: RouteContext, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  const type = repo.objects.get(sha)?.type ?? 'commit';
  return {
    ref,
    node_id: Buffer.from(`04:Ref${repo.id}:${ref}`).toString('base64').replace(/=+$/, ''),
    url: `${ctx.baseUrl}/repos/${repo.fullName}/git/${ref}`,
    object: { type, sha, url: `${ctx.baseUrl}/repos/${repo.fullName}/git/${type}s/${sha}` },
  };
}

function base64Lines(buf: Buffer): string {
  const b64 = buf.toString('base64');
  return b64.replace(/(.{60})/g, '$1\n') + (b64.length % 60 === 0 && b64.length > 0 ? '' : '\n');
}

function wantsRaw(ctx: RouteContext): boolean {
  const accept = String(ctx.req.headers.accept ?? '');
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept);
}

function identityFrom(
  v: unknown,
  fallback: { name: string; email: string },
  now: string,
): { name: string; email: string; date: string } {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return {
    name: str(o.name) ?? fallback.name,
    email: str(o.email) ?? fallback.email,
    date: isoSeconds(str(o.date) ?? now),
  };
}

const MODES: TreeMode[] = ['100644', '100755', '120000', '160000', '040000'];

/** Contents API: path → file / dir listing / symlink / submodule, following in-repo symlinks to files. */
function contents(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const refName = ctx.query.get('ref') ?? repo.defaultBranch;
  const commitSha = repo.resolveCommitish(refName);
  if (!commitSha) throw new HttpError(404, `No commit found for the ref ${refName}`);
  const commit = repo.getCommit(commitSha)!;
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
  const enc = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  const item = (p: string, e: TreeEntry, type: string, size: number): Record<string, unknown> => {
    const self = `${api}/contents/${enc(p)}?ref=${encodeURIComponent(refName)}`;
    const kind = type === 'dir' ? 'tree' : 'blob';
    const git = type === 'submodule' ? null : `${api}/git/${kind === 'tree' ? 'trees' : 'blobs'}/${e.sha}`;
    const html =
      type === 'submodule'
        ? null
        : `${ctx.state.htmlUrl}/${repo.fullName}/${type === 'dir' ? 'tree' : 'blob'}/${refName}/${enc(p)}`;
    return {
      type,
      size,
      name: p.split('/').pop() ?? p,
      path: p,
      sha: e.sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url:
        type === 'file' || type === 'symlink'
          ? `https://raw.githubusercontent.com/${repo.fullName}/${refName}/${enc(p)}`
          : null,
      _links: { self, git, html },
    };
  };
  const describe = (p: string, e: TreeEntry): { type: string; size: number } => {
    if (e.type === 'tree') return { type: 'dir', size: 0 };
    if (e.type === 'commit') return { type: 'submodule', size: 0 };
    const size = repo.objects.getBlob(e.sha)?.content.length ?? 0;
    return { type: e.mode === '120000' ? 'symlink' : 'file', size };
  };
  let entry = repo.objects.lookup(commit.tree, path);
  let entryPath = path;
  if (!entry) throw notFound();
  // GitHub follows a symlink whose target is a regular file in the repository.
  if (entry.mode === '120000') {
    const target = repo.objects.getBlob(entry.sha)!.content.toString('utf8');
    const dir = path.split('/').slice(0, -1);
    const parts = target.startsWith('/') ? [] : [...dir];
    let escaped = false;
    for (const seg of target.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (parts.length === 0) escaped = true;
        parts.pop();
      } else parts.push(seg);
    }
    const resolved =
      escaped || target.startsWith('/') ? undefined : repo.objects.lookup(commit.tree, parts.join('/'));
    if (resolved && resolved.type === 'blob' && resolved.mode !== '120000') {
      entry = resolved;
      entryPath = parts.join('/');
    } else {
      const d = describe(path, entry);
      return json(200, { ...item(path, entry, 'symlink', d.size), target });
    }
  }
  const d = describe(entryPath, entry);
  if (d.type === 'dir') {
    const tree = repo.objects.getTree(entry.sha)!;
    return json(
      200,
      tree.entries.map((e) => {
        const p = entryPath ? `${entryPath}/${e.name}` : e.name;
        const dd = describe(p, e);
        return item(p, e, dd.type, dd.size);
      }),
    );
  }
  if (d.type === 'submodule') {
    return json(200, {
      ...item(entryPath, entry, 'submodule', 0),
      submodule_git_url: `git://github.com/${repo.owner.login}/${entryPath.split('/').pop()}.git`,
    });
  }
  const blob = repo.objects.getBlob(entry.sha)!;
  if (wantsRaw(ctx))
    return { status: 200, body: blob.content, contentType: 'application/vnd.github.raw; charset=utf-8' };
  return json(200, {
    ...item(entryPath, entry, 'file', d.size),
    content: base64Lines(blob.content),
    encoding: 'base64',
  });
}

/** Does the commit change `path` (a file or a directory prefix) relative to all of its parents? */
function touches(repo: Repo, sha: string, path: string): boolean {
  const c = repo.getCommit(sha)!;
  const at = (commitSha: string): string | null => {
    const e = repo.objects.lookup(repo.getCommit(commitSha)!.tree, path);
    return e ? `${e.mode}:${e.sha}` : null;
  };
  const mine = at(sha);
  if (c.parents.length === 0) return mine !== null;
  return c.parents.every((p) => at(p) !== mine);
}

export const gitRoutes: Route[] = [
  {
    method: 'GET',
    path: `${R}/git/trees/{tree_sha}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const ref = ctx.params.tree_sha ?? '';
      let sha = repo.objects.getTree(ref) ? ref.toLowerCase() : undefined;
      if (!sha) {
        const c = repo.resolveCommitish(ref);
        if (c) sha = repo.getCommit(c)!.tree;
      }
      if (!sha) throw notFound();
      const recursive =
        ['1', 'true'].includes(ctx.query.get('recursive') ?? '') ||
        (ctx.query.has('recursive') &&
          ctx.query.get('recursive') !== '0' &&
          ctx.query.get('recursive') !== 'false');
      return json(200, treeJson(ctx, repo, sha, recursive));
    },
  },
  {
    method: 'POST',
    path: `${R}/git/trees`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      if (!Array.isArray(b.tree)) throw validationFailed('Invalid request.\n\n"tree" wasn\'t supplied.');
      let flat = new Map<string, FlatEntry>();
      if (b.base_tree !== undefined && b.base_tree !== null) {
        const base = str(b.base_tree) ?? '';
        if (!repo.objects.getTree(base)) throw validationFailed('Invalid tree info');
        flat = repo.objects.flatten(base.toLowerCase());
      }
      for (const raw of b.tree as unknown[]) {
        const e = (raw ?? {}) as Record<string, unknown>;
        const path = str(e.path);
        const mode = str(e.mode) as TreeMode | undefined;
        if (!path || !mode || !MODES.includes(mode))
          throw validationFailed('Invalid tree info', [
            { resource: 'Tree', field: path ? 'mode' : 'path', code: 'invalid' },
          ]);
        const clean = path.replace(/^\/+|\/+$/g, '');
        if ('sha' in e && e.sha === null) {
          for (const k of [...flat.keys()]) if (k === clean || k.startsWith(`${clean}/`)) flat.delete(k);
          continue;
        }
        const type = str(e.type) ?? (mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob');
        let sha: string;
        if (typeof e.content === 'string') {
          if (type !== 'blob') throw validationFailed('Invalid tree info');
          sha = repo.objects.putBlob(e.content);
        } else if (typeof e.sha === 'string') {
          sha = e.sha.toLowerCase();
          if (type !== 'commit' && !repo.objects.has(sha))
            throw validationFailed(`tree.sha ${e.sha} is not a valid ${type}`);
        } else throw validationFailed('Must supply either tree.sha or tree.content.');
        for (const k of [...flat.keys()]) if (k === clean || k.startsWith(`${clean}/`)) flat.delete(k);
        if (type === 'tree') {
          for (const [p, sub] of repo.objects.flatten(sha)) flat.set(`${clean}/${p}`, sub);
        } else {
          if (mode === '040000') throw validationFailed('Invalid tree info');
          flat.set(clean, { mode, type: type as 'blob' | 'commit', sha });
        }
      }
      let root: string;
      try {
        root = repo.objects.buildTree(flat);
      } catch (err) {
        throw validationFailed(err instanceof Error ? err.message : 'Invalid tree info');
      }
      return json(201, treeJson(ctx, repo, root, false), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/git/trees/${root}`,
      });
    },
  },
  {
    method: 'GET',
    path: `${R}/git/blobs/{file_sha}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const blob = repo.objects.getBlob(ctx.params.file_sha ?? '');
      if (!blob) throw notFound();
      if (wantsRaw(ctx))
        return { status: 200, body: blob.content, contentType: 'application/vnd.github.raw; charset=utf-8' };
      return json(200, {
        sha: blob.sha,
        node_id: Buffer.from(`04:Blob${repo.id}:${blob.sha}`).toString('base64').replace(/=+$/, ''),
        size: blob.content.length,
        url: `${ctx.baseUrl}/repos/${repo.fullName}/git/blobs/${blob.sha}`,
        content: base64Lines(blob.content),
        encoding: 'base64',
      });
    },
  },
  {
    method: 'POST',
    path: `${R}/git/blobs`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      if (typeof b.content !== 'string')
        throw validationFailed('Invalid request.\n\n"content" wasn\'t supplied.');
      const encoding = str(b.encoding) ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64')
        throw validationFailed(`encoding must be utf-8 or base64`);
      const sha = repo.objects.putBlob(
        encoding === 'base64' ? Buffer.from(b.content, 'base64') : Buffer.from(b.content, 'utf8'),
      );
      const url = `${ctx.baseUrl}/repos/${repo.fullName}/git/blobs/${sha}`;
      return json(201, { sha, url }, { location: url });
    },
  },
  {
    method: 'GET',
    path: `${R}/git/commits/{commit_sha}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const c = repo.getCommit(ctx.params.commit_sha ?? '');
      if (!c) throw notFound();
      return json(200, gitCommit(ctx.state, repo, c));
    },
  },
  {
    method: 'POST',
    path: `${R}/git/commits`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const message = str(b.message);
      const tree = str(b.tree);
      if (message === undefined) throw validationFailed('Invalid request.\n\n"message" wasn\'t supplied.');
      if (!tree || !repo.objects.getTree(tree)) throw validationFailed('Tree SHA does not exist');
      const parents = Array.isArray(b.parents) ? (b.parents as unknown[]).map(String) : [];
      for (const p of parents)
        if (!repo.getCommit(p)) throw validationFailed('Parent SHA does not exist or is not a commit object');
      const now = ctx.state.now();
      const fallback = {
        name: ctx.user.type === 'Bot' ? ctx.user.login : (ctx.user.name ?? ctx.user.login),
        email: ctx.state.noreplyEmail(ctx.user),
      };
      const author = identityFrom(b.author, fallback, now);
      const committer = identityFrom(b.committer ?? b.author, fallback, now);
      if (!b.author && !b.committer) ctx.state.linkEmail(fallback.email, ctx.user.login);
      const sha = repo.objects.putCommit({
        tree: tree.toLowerCase(),
        parents: parents.map((p) => p.toLowerCase()),
        author,
        committer,
        message,
      });
      const out = gitCommit(ctx.state, repo, repo.getCommit(sha)!);
      return json(201, out, { location: String(out.url) });
    },
  },
  {
    method: 'GET',
    path: `${R}/git/ref/{ref+}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const ref = `refs/${ctx.params.ref ?? ''}`;
      const sha = repo.refs.get(ref);
      if (!sha) throw notFound();
      return json(200, refJson(ctx, repo, ref, sha));
    },
  },
  {
    method: 'GET',
    path: `${R}/git/matching-refs/{ref*}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const prefix = `refs/${ctx.params.ref ?? ''}`;
      const refs = [...repo.refs.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : 1));
      return paginate(
        ctx,
        refs.map(([k, v]) => refJson(ctx, repo, k, v)),
      );
    },
  },
  {
    method: 'POST',
    path: `${R}/git/refs`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const ref = str(b.ref);
      const sha = str(b.sha);
      if (!ref || !sha)
        throw validationFailed(`Invalid request.\n\n"${ref ? 'sha' : 'ref'}" wasn't supplied.`);
      if (!/^refs\/[^/]+\/.+/.test(ref) || /\.\.|[\s~^:?*[\\]|\/\/|\/$|\.lock$|@\{/.test(ref))
        throw validationFailed('Reference name is invalid');
      if (repo.refs.has(ref)) throw validationFailed('Reference already exists');
      if (!repo.objects.has(sha)) throw validationFailed('Object does not exist');
      repo.setRef(ref, sha.toLowerCase());
      return json(201, refJson(ctx, repo, ref, sha.toLowerCase()), {
        location: `${ctx.baseUrl}/repos/${repo.fullName}/git/${ref}`,
      });
    },
  },
  {
    method: 'PATCH',
    path: `${R}/git/refs/{ref+}`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const ref = `refs/${ctx.params.ref ?? ''}`;
      const b = bodyObject(ctx);
      const sha = str(b.sha)?.toLowerCase();
      if (!sha) throw validationFailed('Invalid request.\n\n"sha" wasn\'t supplied.');
      const current = repo.refs.get(ref);
      if (!current) throw validationFailed('Reference does not exist');
      if (!repo.objects.has(sha)) throw validationFailed('Object does not exist');
      if (b.force !== true && current !== sha && !repo.objects.isAncestor(current, sha))
        throw validationFailed('Update is not a fast forward');
      repo.setRef(ref, sha);
      return json(200, refJson(ctx, repo, ref, sha));
    },
  },
  {
    method: 'DELETE',
    path: `${R}/git/refs/{ref+}`,
    permissions: 'contents=write',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const ref = `refs/${ctx.params.ref ?? ''}`;
      if (!repo.refs.has(ref)) throw validationFailed('Reference does not exist');
      repo.deleteRef(ref);
      return noContent();
    },
  },
  { method: 'GET', path: `${R}/contents`, permissions: 'contents=read', handler: contents },
  { method: 'GET', path: `${R}/contents/{path*}`, permissions: 'contents=read', handler: contents },
  {
    method: 'GET',
    path: `${R}/commits`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const start = ctx.query.get('sha') ?? repo.defaultBranch;
      const head = repo.resolveCommitish(start);
      if (!head) {
        if (repo.refs.size === 0) throw new HttpError(409, 'Git Repository is empty.');
        throw notFound();
      }
      const path = (ctx.query.get('path') ?? '').replace(/^\/+|\/+$/g, '');
      const since = ctx.query.get('since');
      const until = ctx.query.get('until');
      const author = ctx.query.get('author');
      let commits = repo.objects.ancestors(head);
      if (path) commits = commits.filter((c) => touches(repo, c.sha, path));
      if (since) commits = commits.filter((c) => Date.parse(c.committer.date) >= Date.parse(since));
      if (until) commits = commits.filter((c) => Date.parse(c.committer.date) <= Date.parse(until));
      if (author) {
        commits = commits.filter((c) => {
          const u = ctx.state.userByEmail(c.author.email);
          return (
            c.author.email.toLowerCase() === author.toLowerCase() ||
            u?.login.toLowerCase() === author.toLowerCase()
          );
        });
      }
      return paginate(
        ctx,
        commits.map((c) => restCommit(ctx.state, repo, c)),
      );
    },
  },
  {
    method: 'GET',
    path: `${R}/commits/{ref}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const sha = commitOf(repo, ctx.params.ref ?? '');
      return json(200, restCommit(ctx.state, repo, repo.getCommit(sha)!, true));
    },
  },
  {
    method: 'GET',
    path: `${R}/compare/{basehead+}`,
    permissions: 'contents=read',
    handler: (ctx) => {
      const repo = repoOf(ctx);
      const spec = ctx.params.basehead ?? '';
      const m = /^(.+?)(\.\.\.?)(.+)$/.exec(spec);
      if (!m) throw notFound();
      const resolve = (x: string): string => {
        const h = x.includes(':') ? repo.resolveHead(x) : undefined;
        const sha = h ? h.repo.branchSha(h.branch) : repo.resolveCommitish(x);
        if (!sha) throw notFound();
        return sha;
      };
      const base = resolve(m[1]!);
      const head = resolve(m[3]!);
      const mb = repo.objects.mergeBase(base, head);
      if (!mb) throw notFound();
      const inBase = new Set(repo.objects.ancestors(base).map((c) => c.sha));
      const inHead = new Set(repo.objects.ancestors(head).map((c) => c.sha));
      const ahead = repo.objects.ancestors(head).filter((c) => !inBase.has(c.sha));
      const behind = repo.objects.ancestors(base).filter((c) => !inHead.has(c.sha));
      const status =
        ahead.length === 0 && behind.length === 0
          ? 'identical'
          : behind.length === 0
            ? 'ahead'
            : ahead.length === 0
              ? 'behind'
              : 'diverged';
      const files = diffCommits(repo, m[2] === '..' ? base : mb, head).map((d) => fileDiff(repo, d));
      const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
      const html = `${ctx.state.htmlUrl}/${repo.fullName}`;
      return json(200, {
        url: `${api}/compare/${spec}`,
        html_url: `${html}/compare/${spec}`,
        permalink_url: `${html}/compare/${repo.owner.login}:${base.slice(0, 7)}...${repo.owner.login}:${head.slice(0, 7)}`,
        diff_url: `${html}/compare/${spec}.diff`,
        patch_url: `${html}/compare/${spec}.patch`,
        base_commit: restCommit(ctx.state, repo, repo.getCommit(base)!),
        merge_base_commit: restCommit(ctx.state, repo, repo.getCommit(mb)!),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead
          .reverse()
          .slice(0, 250)
          .map((c) => restCommit(ctx.state, repo, c)),
        files: files.map((f) => diffEntryJson(ctx.state, repo, f, head)),
      });
    },
  },
];
