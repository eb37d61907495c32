export const id = 901;
export const ids = [901];
export const modules = {

/***/ 6202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z9: () => (/* binding */ loadConfig),
  GE: () => (/* binding */ loadGrantFiles),
  bN: () => (/* binding */ withIdClashes)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/codeowners.ts
var codeowners = __webpack_require__(774);
// EXTERNAL MODULE: ./src/core/prepared.ts + 1 modules
var prepared = __webpack_require__(372);
// EXTERNAL MODULE: ./src/load/snapshot.ts + 5 modules
var snapshot = __webpack_require__(3435);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/load/limits.ts
var limits = __webpack_require__(9010);
;// CONCATENATED MODULE: ./src/load/repo-fs.ts
/**
 * Reading policies/, grants/ and CODEOWNERS from a working tree. lstat only: symlinks are
 * reported (kind 'symlink') and never followed, so a link cannot pull in files from outside
 * the repository; a folder with a `.git` entry is a submodule and is not descended into.
 */




/** GitHub's search order: the first one found wins. */
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
/** Reads at most `limit` bytes (a file that is larger yields `limit` bytes: enough to reject it). */
async function readCapped(file, limit) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buf = new Uint8Array(limit);
        let total = 0;
        while (total < limit) {
            const { bytesRead } = await handle.read(buf, total, limit - total, total);
            if (bytesRead === 0)
                break;
            total += bytesRead;
        }
        return buf.subarray(0, total);
    }
    finally {
        await handle.close();
    }
}
async function kindOf(abs) {
    let st;
    try {
        st = await (0,promises_.lstat)(abs);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return 'missing';
        throw e;
    }
    if (st.isSymbolicLink())
        return 'symlink';
    if (st.isFile())
        return 'file';
    if (st.isDirectory())
        return (await kindOf((0,external_node_path_.join)(abs, '.git'))) === 'missing' ? 'dir' : 'submodule';
    return 'other';
}
/** Every entry below `top` (repo-relative), files with their bytes (capped). */
async function walk(repoDir, top) {
    const out = [];
    const pending = [top];
    while (pending.length > 0) {
        const rel = pending.pop();
        const kind = await kindOf((0,external_node_path_.join)(repoDir, rel));
        if (kind === 'missing')
            continue;
        if (kind === 'dir') {
            for (const name of await (0,promises_.readdir)((0,external_node_path_.join)(repoDir, rel)))
                pending.push(`${rel}/${name}`);
        }
        else if (kind === 'file') {
            out.push({ path: rel, kind, bytes: await readCapped((0,external_node_path_.join)(repoDir, rel), limits/* MAX_FILE_BYTES */.gZ + 1) });
        }
        else {
            out.push({ path: rel, kind });
        }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function readPolicyFilesFs(repoDir) {
    return walk(repoDir, 'policies');
}
/**
 * Every entry under grants/, or only `paths` (repo-relative, e.g. the CLI's FILES or a PR's
 * added files). A path that climbs out (`..`), is absolute or lies outside grants/ is returned
 * without bytes: the grant loader rejects it by name and nothing outside the repository is
 * read. A symlinked folder on the way makes the entry a symlink. A missing path is a UsageError.
 */
async function listGrantFilesFs(repoDir, paths) {
    if (!paths)
        return walk(repoDir, 'grants');
    const out = [];
    for (const raw of paths) {
        const path = normalisePath(raw);
        if (!isSafeGrantPath(path)) {
            out.push({ path, kind: 'file' });
            continue;
        }
        const parts = path.split('/');
        let kind = 'dir';
        for (let i = 1; i <= parts.length && kind === 'dir'; i++)
            kind = await kindOf((0,external_node_path_.join)(repoDir, ...parts.slice(0, i)));
        if (kind === 'missing')
            throw new errors/* UsageError */.eb(`${path}: no such file`);
        if (kind === 'dir')
            throw new errors/* UsageError */.eb(`${path}: is a directory, not a grant file`);
        out.push(kind === 'file'
            ? { path, kind, bytes: await readCapped((0,external_node_path_.join)(repoDir, path), limits/* MAX_FILE_BYTES */.gZ + 1) }
            : { path, kind });
    }
    return out;
}
/** `./grants/a.yaml` and `grants\\a.yaml` → `grants/a.yaml`. */
function normalisePath(path) {
    return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}
/** Under grants/, relative, no `.`/`..`/empty segments: safe to join to the repository path. */
function isSafeGrantPath(path) {
    const parts = path.split('/');
    return parts[0] === 'grants' && parts.length > 1 && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}
/**
 * The first CODEOWNERS in GitHub's order. If that entry is not a regular file, is over
 * GitHub's 3 MB limit or is not UTF-8, the result is null (no owners: `from: codeowners`
 * cannot be satisfied) rather than falling through to a file GitHub would not use.
 */
async function readCodeownersFs(repoDir) {
    for (const path of CODEOWNERS_PATHS) {
        const kind = await kindOf((0,external_node_path_.join)(repoDir, path));
        if (kind === 'missing')
            continue;
        if (kind !== 'file')
            return null;
        return decodeCodeowners(path, await readCapped((0,external_node_path_.join)(repoDir, path), limits/* MAX_CODEOWNERS_BYTES */.zE + 1));
    }
    return null;
}
function decodeCodeowners(path, bytes) {
    if (bytes.length > limits/* MAX_CODEOWNERS_BYTES */.zE)
        return null;
    try {
        return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/load/repo-git.ts
/**
 * Reading policies/, grants/ and CODEOWNERS at a git ref (`--policies-ref REF`), without a
 * checkout: `git ls-tree` for the entries and modes, `git cat-file --batch` for the blobs.
 * git runs without a shell; the ref is resolved to a commit id once and only that id is used
 * afterwards. Tree modes decide kinds: 120000 symlink, 160000 submodule (never followed).
 */




function git(repoDir, args) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', args, {
            cwd: repoDir,
            encoding: 'buffer',
            maxBuffer: 256 * 1024 * 1024,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
        }, (err, stdout, stderr) => {
            if (err)
                reject(Object.assign(err, { stderr: stderr.toString('utf8').trim() }));
            else
                resolve(stdout);
        });
    });
}
/** The commit id REF names, or a UsageError ("unknown git ref …"). */
async function resolveCommit(repoDir, ref) {
    if (ref === '' || /[\0\r\n]/.test(ref))
        throw new errors/* UsageError */.eb(`unknown git ref ${JSON.stringify(ref)}`);
    try {
        const out = await git(repoDir, [
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${ref}^{commit}`,
        ]);
        const sha = out.toString('utf8').trim();
        if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
            throw new Error(`unexpected output ${sha}`);
        return sha;
    }
    catch (e) {
        const why = e.stderr || '';
        throw new errors/* UsageError */.eb(`unknown git ref ${JSON.stringify(ref)} in ${repoDir}${why ? `: ${why}` : ' (not a commit, or not a git repository)'}`);
    }
}
function kindOfMode(mode) {
    if (mode === '100644' || mode === '100755')
        return 'file';
    if (mode === '120000')
        return 'symlink';
    if (mode === '160000')
        return 'submodule';
    return 'other';
}
async function lsTree(repoDir, commit) {
    let out;
    try {
        out = await git(repoDir, [
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            commit,
            '--',
            'policies',
            'grants',
            '.github',
            'CODEOWNERS',
            'docs',
        ]);
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`cannot list files at ${commit}: ${e.stderr || String(e)}`);
    }
    const entries = [];
    // `<mode> SP <type> SP <oid> TAB <path> NUL`; with -z paths are not quoted.
    for (const record of out.toString('utf8').split('\0')) {
        if (!record)
            continue;
        const tab = record.indexOf('\t');
        const [mode, , oid] = record.slice(0, tab).split(' ');
        if (mode && oid)
            entries.push({ mode, oid, path: record.slice(tab + 1) });
    }
    return entries;
}
/**
 * Blob contents by object id through one `git cat-file --batch`, keeping at most `cap` bytes of
 * each (the rest is read and discarded), so a huge blob cannot exhaust memory.
 */
function catBlobs(repoDir, oids, cap) {
    const result = new Map();
    if (oids.length === 0)
        return Promise.resolve(result);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
        let header = Buffer.alloc(0);
        // The blob being read: `size` content bytes, then one LF that is not part of it.
        let body;
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
        child.stdout.on('data', (chunk) => {
            let data = chunk;
            while (data.length > 0) {
                if (!body) {
                    const nl = data.indexOf(10);
                    if (nl < 0) {
                        header = Buffer.concat([header, data]);
                        return;
                    }
                    const line = Buffer.concat([header, data.subarray(0, nl)]).toString('utf8');
                    header = Buffer.alloc(0);
                    data = data.subarray(nl + 1);
                    const [oid, type, size] = line.split(' ');
                    if (type !== 'blob' || !oid || size === undefined) {
                        child.kill();
                        reject(new errors/* UsageError */.eb(`cannot read object ${oid ?? line}: ${line}`));
                        return;
                    }
                    body = { oid, size: Number(size), seen: 0, kept: [], keptBytes: 0 };
                }
                if (body.seen < body.size) {
                    const take = Math.min(body.size - body.seen, data.length);
                    const keep = Math.min(take, cap - body.keptBytes);
                    if (keep > 0) {
                        body.kept.push(Buffer.from(data.subarray(0, keep)));
                        body.keptBytes += keep;
                    }
                    body.seen += take;
                    data = data.subarray(take);
                }
                if (body.seen === body.size && data.length > 0) {
                    data = data.subarray(1); // the LF after the content
                    result.set(body.oid, new Uint8Array(Buffer.concat(body.kept)));
                    body = undefined;
                }
            }
        });
        child.on('error', (e) => reject(new errors/* UsageError */.eb(`cannot run git: ${e.message}`)));
        child.on('close', (code) => {
            if (code !== 0 && result.size < oids.length)
                reject(new errors/* UsageError */.eb(`git cat-file failed: ${stderr.trim()}`));
            else
                resolve(result);
        });
        child.stdin.end(`${[...new Set(oids)].join('\n')}\n`);
    });
}
async function readTreeGit(repoDir, ref) {
    const commit = await resolveCommit(repoDir, ref);
    const entries = await lsTree(repoDir, commit);
    const under = (dir) => entries.filter((e) => e.path === dir || e.path.startsWith(`${dir}/`));
    const toRead = [...under('policies'), ...under('grants')].filter((e) => kindOfMode(e.mode) === 'file');
    const blobs = await catBlobs(repoDir, toRead.map((e) => e.oid), limits/* MAX_FILE_BYTES */.gZ + 1);
    const entry = (e) => {
        const kind = kindOfMode(e.mode);
        return kind === 'file'
            ? { path: e.path, kind, bytes: blobs.get(e.oid) ?? new Uint8Array() }
            : { path: e.path, kind };
    };
    let codeowners = null;
    const owners = CODEOWNERS_PATHS.map((p) => entries.find((e) => e.path === p)).find((e) => e !== undefined);
    if (owners && kindOfMode(owners.mode) === 'file') {
        const bytes = (await catBlobs(repoDir, [owners.oid], limits/* MAX_CODEOWNERS_BYTES */.zE + 1)).get(owners.oid);
        codeowners = bytes ? decodeCodeowners(owners.path, bytes) : null;
    }
    const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return {
        commit,
        policies: under('policies').map(entry).sort(byPath),
        grants: under('grants').map(entry).sort(byPath),
        codeowners,
    };
}
async function readPolicyFilesGit(repoDir, ref) {
    return (await readTreeGit(repoDir, ref)).policies;
}
/** Every entry under grants/ at REF, or only `paths` (see listGrantFilesFs for the rules). */
async function listGrantFilesGit(repoDir, ref, paths) {
    const grants = (await readTreeGit(repoDir, ref)).grants;
    if (!paths)
        return grants;
    return paths.map((raw) => {
        const path = normalisePath(raw);
        if (!isSafeGrantPath(path))
            return { path, kind: 'file' };
        const found = grants.find((e) => e.path === path);
        if (!found)
            throw new errors/* UsageError */.eb(`${path}: no such file at ${ref}`);
        return found;
    });
}
async function readCodeownersGit(repoDir, ref) {
    return (await readTreeGit(repoDir, ref)).codeowners;
}

// EXTERNAL MODULE: ./src/load/grant-file.ts
var grant_file = __webpack_require__(7753);
// EXTERNAL MODULE: ./src/load/grant-path.ts
var grant_path = __webpack_require__(3836);
;// CONCATENATED MODULE: ./src/commands/config.ts
/**
 * Load the trusted configuration (policies/, CODEOWNERS) from the working tree or a git ref,
 * and the grant files to check. Orchestration only: reading is in src/load, deciding in src/core.
 */








async function loadConfig(repoDir, ref) {
    const files = ref ? await readPolicyFilesGit(repoDir, ref) : await readPolicyFilesFs(repoDir);
    const built = (0,snapshot/* buildSnapshot */.t)(files);
    if (!built.ok) {
        throw new errors/* ConfigError */.xL(`policies/${ref ? ` at ${ref}` : ''} is invalid: nothing can be decided until it is fixed`, built.diagnostics);
    }
    const owners = ref ? await readCodeownersGit(repoDir, ref) : await readCodeownersFs(repoDir);
    return {
        prepared: (0,prepared/* prepare */.i)(built.snapshot),
        codeowners: owners ? (0,codeowners/* parseCodeowners */.BW)(owners.text, owners.path) : null,
        origin: ref ? `git ref ${ref}` : 'working tree',
    };
}
/** Grant files from the working tree: the given paths, or every file under grants/. */
async function loadGrantFiles(repoDir, paths, ref) {
    let entries = ref ? await listGrantFilesGit(repoDir, ref) : await listGrantFilesFs(repoDir);
    const clashes = (0,grant_path/* idClashes */.vF)(entries.map((e) => e.path));
    const missing = [];
    if (paths) {
        const wanted = new Set(paths);
        entries = entries.filter((e) => wanted.has(e.path));
        const found = new Set(entries.map((e) => e.path));
        for (const p of wanted) {
            if (found.has(p))
                continue;
            const message = p.startsWith('grants/')
                ? `${p} does not exist${ref ? ` at ${ref}` : ''}`
                : `${p} is not under grants/: request files live in grants/ (sub-folders allowed)`;
            missing.push({
                file: p,
                diagnostics: [
                    {
                        code: p.startsWith('grants/') ? 'not-a-file' : 'invalid-filename',
                        message,
                        file: p,
                        line: 1,
                        column: 1,
                    },
                ],
            });
        }
    }
    const loaded = (0,grant_file/* loadGrants */.Y)(entries).map(({ path, result }) => result.ok
        ? { file: path, grant: result.grant, diagnostics: [] }
        : { file: path, diagnostics: result.diagnostics });
    return withIdClashes([...loaded, ...missing], clashes);
}
/** Mark files whose grant id another file already uses (the id must name one grant). */
function withIdClashes(loaded, clashes) {
    return loaded.map((l) => {
        const holder = clashes.get(l.file);
        if (!holder)
            return l;
        const d = {
            code: 'invalid-filename',
            message: `the grant id of ${l.file} is already used by ${holder}: grant ids (file names) must be unique across grants/`,
            file: l.file,
            line: 1,
            column: 1,
        };
        return { file: l.file, diagnostics: [...l.diagnostics, d] };
    });
}


/***/ }),

/***/ 2876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ resolutionDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The digest of a grant's resolved resource set: what reviewers saw on the pull request. apply
 * recomputes it at merge and refuses with `resolution-changed` when it differs (a tag edited or
 * a resource added between review and merge must not widen an approved request).
 */

function resolutionDigest(resourceIds) {
    const canonical = [...new Set(resourceIds)].sort().join('\n');
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical, 'utf8').digest('hex')}`;
}


/***/ }),

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ withDiscovery)
});

// EXTERNAL MODULE: ./src/core/prepared.ts + 1 modules
var prepared = __webpack_require__(372);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/providers/github.ts
var github = __webpack_require__(5183);
;// CONCATENATED MODULE: ./src/providers/discover.ts
/**
 * Resources found at run time (DESIGN.md §2 `discover:`):
 *
 *   discover:
 *     - { provider: github, org: acme, tags_from: custom_properties }
 *
 * Each repository of the organization becomes a resource
 *   { id: "github:ORG/NAME", provider: github, config: { repository: "ORG/NAME" },
 *     tags: <its custom properties>, baseline: [], prune: false }
 * where ORG/NAME is GitHub's own spelling (`full_name`).
 *
 * Reads `GET /orgs/{org}/repos` and `GET /orgs/{org}/properties/values`, both paginated (the
 * token needs `metadata: read` and the organization permission `custom properties: read`).
 *
 * Decisions (docs/providers.md):
 * - Archived repositories are skipped (nobody can be given meaningful access to them).
 * - Property names are lower-cased and must then match the tag-key pattern
 *   `^[a-z][a-z0-9_.-]{0,62}$`; a property whose name does not is skipped with a warning (no
 *   policy can select on such a key, so dropping it cannot widen access).
 * - Values: a string becomes the tag value; `null`, `""` and an empty list mean "not set" (no tag).
 *   A multi-select with exactly one value is that value. A multi-select with several values, a
 *   value longer than 256 characters, or two property names that collide once lower-cased with
 *   different values cannot be represented as a single-valued tag. Dropping the tag could make the
 *   repository escape a deny policy or a stricter allow policy (fail open), so the WHOLE
 *   repository is skipped with a warning: it cannot be requested until its properties are fixed
 *   or it is declared in policies/ (fail closed).
 * - Resources declared in policies/ win. A discovered resource is dropped, and the conflict
 *   reported, when a declared resource has the same id (case-insensitive) or manages the same
 *   repository (`config.repository`, case-insensitive): otherwise one repository would be
 *   reachable through two ids with different tags, and the looser one would decide.
 * - Several rules for the same organization are read once. Any API failure throws a
 *   ProviderError (retryable for 5xx/network): callers must fail closed, never run with a
 *   partial inventory.
 */


const TAG_KEY = /^[a-z][a-z0-9_.-]{0,62}$/;
const MAX_TAG_VALUE = 256;
/** Discover the resources of every rule, then drop those shadowed by `declared`. */
async function discoverResources(client, rules, declared = [], options = {}) {
    const perPage = options.perPage ?? 100;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const warnings = [];
    const found = [];
    const seen = new Set();
    for (const [index, rule] of rules.entries()) {
        if (rule.provider !== 'github' || rule.tags_from !== 'custom_properties') {
            warnings.push({ org: rule.org, message: `discover rule ${index} is not supported and was ignored` });
            continue;
        }
        const org = rule.org;
        if (seen.has(org.toLowerCase()))
            continue;
        seen.add(org.toLowerCase());
        const fail = (err, action, need) => {
            throw (0,github/* githubFailure */.eQ)(err, {
                prefix: `discover (rule ${index}): cannot ${action} of organization ${org}`,
                need,
                notFound: `organization ${org} not found (or the token cannot see it)`,
            });
        };
        const repos = await client
            .paginate(client.rest.repos.listForOrg, {
            org,
            type: 'all',
            per_page: perPage,
            request: { signal: AbortSignal.timeout(timeoutMs) },
        })
            .catch((err) => fail(err, 'list the repositories', 'metadata: read (repository permission of a GitHub App)'));
        const values = await client
            .paginate(client.rest.orgs.customPropertiesForReposGetOrganizationValues, {
            org,
            per_page: perPage,
            request: { signal: AbortSignal.timeout(timeoutMs) },
        })
            .catch((err) => fail(err, 'read the custom property values', 'custom properties: read (organization permission of a GitHub App)'));
        const built = buildDiscovered(rule, index, repos.map((r) => ({ name: r.name, full_name: r.full_name, archived: r.archived === true })), values);
        found.push(...built.resources);
        warnings.push(...built.warnings);
    }
    const merged = shadowDeclared(declared, found);
    return { resources: merged.resources, warnings, conflicts: merged.conflicts };
}
/** Pure: the resources of one rule from what GitHub answered. */
function buildDiscovered(rule, ruleIndex, repos, values) {
    const warnings = [];
    const byName = new Map();
    for (const v of values)
        byName.set(v.repository_name.toLowerCase(), v);
    const source = (0,errors/* syntheticSource */.Xr)(`discover:github:${rule.org}`);
    const resources = [];
    const sorted = [...repos].sort((a, b) => a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0);
    for (const repo of sorted) {
        if (repo.archived === true)
            continue;
        const warn = (message) => {
            warnings.push({ org: rule.org, repository: repo.full_name, message });
        };
        const tags = tagsOf(byName.get(repo.name.toLowerCase())?.properties ?? [], warn);
        if (tags === null)
            continue;
        resources.push({
            id: `github:${repo.full_name}`,
            provider: 'github',
            tags,
            config: { repository: repo.full_name },
            baseline: [],
            prune: false,
            source,
            path: ['discover', ruleIndex],
        });
    }
    return { resources, warnings };
}
/**
 * Tags from custom property values (see the decisions above). Returns null when the repository
 * must be skipped; `warn` receives the reason and every skipped property.
 */
function tagsOf(properties, warn) {
    const tags = {};
    const from = {};
    let skip = false;
    for (const { property_name: name, value } of properties) {
        const key = name.toLowerCase();
        if (!TAG_KEY.test(key)) {
            warn(`custom property ${JSON.stringify(name)} skipped: its name is not a tag key (${TAG_KEY.source})`);
            continue;
        }
        let text;
        if (value === null)
            text = null;
        else if (typeof value === 'string')
            text = value;
        else if (Array.isArray(value)) {
            const items = value.filter((v) => typeof v === 'string' && v !== '');
            if (items.length > 1) {
                warn(`repository skipped: custom property ${JSON.stringify(name)} has several values ` +
                    `(${items.map((v) => JSON.stringify(v)).join(', ')}); a tag has one value`);
                skip = true;
                continue;
            }
            text = items[0] ?? null;
        }
        else {
            warn(`repository skipped: custom property ${JSON.stringify(name)} has a value that is not text`);
            skip = true;
            continue;
        }
        if (text === null || text === '')
            continue;
        if (text.length > MAX_TAG_VALUE) {
            warn(`repository skipped: custom property ${JSON.stringify(name)} is longer than ${MAX_TAG_VALUE} characters`);
            skip = true;
            continue;
        }
        const earlier = tags[key];
        if (earlier !== undefined && earlier !== text) {
            warn(`repository skipped: custom properties ${JSON.stringify(from[key])} and ${JSON.stringify(name)} ` +
                `are both tag ${key} with different values`);
            skip = true;
            continue;
        }
        tags[key] = text;
        from[key] = name;
    }
    return skip ? null : tags;
}
/** Drop discovered resources that a declared resource shadows (same id or same repository). */
function shadowDeclared(declared, discovered) {
    const byId = new Map();
    const byRepo = new Map();
    for (const r of declared) {
        byId.set(r.id.toLowerCase(), r);
        const repo = r.provider === 'github' ? r.config['repository'] : undefined;
        if (typeof repo === 'string' && !byRepo.has(repo.toLowerCase()))
            byRepo.set(repo.toLowerCase(), r);
    }
    const resources = [];
    const conflicts = [];
    const kept = new Set();
    for (const r of discovered) {
        const repository = String(r.config['repository']);
        const sameId = byId.get(r.id.toLowerCase());
        const sameRepo = byRepo.get(repository.toLowerCase());
        const winner = sameId ?? sameRepo;
        if (winner !== undefined) {
            conflicts.push({
                id: r.id,
                repository,
                declared: winner.id,
                message: sameId !== undefined
                    ? `discovered resource ${r.id} ignored: a resource with the same id is declared in ${winner.source.file}`
                    : `discovered resource ${r.id} ignored: resource ${winner.id} (${winner.source.file}) already manages repository ${repository}`,
            });
            continue;
        }
        if (kept.has(r.id.toLowerCase()))
            continue;
        kept.add(r.id.toLowerCase());
        resources.push(r);
    }
    return { resources, conflicts };
}

;// CONCATENATED MODULE: ./src/commands/discovered.ts


async function withDiscovery(config, gh, log = () => undefined) {
    const snapshot = config.prepared.snapshot;
    if (snapshot.discover.length === 0)
        return config;
    const found = await discoverResources(gh, snapshot.discover, snapshot.resources);
    for (const w of found.warnings)
        log(`discover: ${JSON.stringify(w)}`);
    for (const c of found.conflicts)
        log(`discover: ${JSON.stringify(c)}`);
    if (found.resources.length === 0)
        return config;
    const merged = { ...snapshot, resources: [...snapshot.resources, ...found.resources] };
    return { ...config, prepared: (0,prepared/* prepare */.i)(merged) };
}


/***/ }),

/***/ 6124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ historyReader)
});

// UNUSED EXPORTS: historyForFiles

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/evaluate.ts + 1 modules
var evaluate = __webpack_require__(3112);
// EXTERNAL MODULE: ./src/core/extension.ts
var extension = __webpack_require__(2526);
// EXTERNAL MODULE: ./src/core/resolve.ts
var resolve = __webpack_require__(2183);
// EXTERNAL MODULE: ./src/git/landing.ts
var landing = __webpack_require__(591);
// EXTERNAL MODULE: ./src/git/run.ts
var run = __webpack_require__(3073);
;// CONCATENATED MODULE: ./src/core/audit.ts
/** `Merge pull request #12 from …` or a squash title ending in `(#12)`. */
function pullRequestOfMessage(message) {
    const first = message.split('\n', 1)[0] ?? '';
    const m = /^Merge pull request #(\d+) /.exec(first) ?? /\(#(\d+)\)\s*$/.exec(first);
    return m ? Number(m[1]) : null;
}
/** Approvers reconcile recorded for a grant in a revocation commit message. */
function approversInRecord(message, grantId) {
    for (const line of message.split('\n')) {
        if (!line.startsWith(`- ${grantId}: `))
            continue;
        const m = /approved by ([^()]+?)(?: \(|$)/.exec(line);
        if (m)
            return m[1]
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
    }
    return [];
}
function auditWindows(events, messages, grantAt, nowMs) {
    const open = new Map();
    const out = [];
    const iso = (ms) => new Date(ms).toISOString();
    for (const e of events) {
        if (e.status === 'A') {
            const g = grantAt(e.commit, e.path);
            const id = /([^/]+)\.yaml$/.exec(e.path)?.[1] ?? e.path;
            const pr = pullRequestOfMessage(messages.get(e.commit) ?? '');
            const endMs = g?.durationMs != null ? e.time + g.durationMs : e.time;
            const w = {
                grant: id,
                file: e.path,
                person: g?.person ?? '',
                access: g?.access ?? '',
                duration: g?.duration ?? '',
                resources: g?.resources ?? [],
                pr,
                landing_commit: e.commit,
                approvers: [],
                start: iso(e.time),
                end: iso(endMs),
                ended_at: null,
                removal_commit: null,
                outcome: pr === null || !g ? 'never-applied' : 'active',
                endMs,
            };
            open.set(e.path, w);
            out.push(w);
        }
        else if (e.status === 'D') {
            const w = open.get(e.path);
            if (!w)
                continue;
            open.delete(e.path);
            w.removal_commit = e.commit;
            w.approvers = approversInRecord(messages.get(e.commit) ?? '', w.grant);
            if (w.outcome === 'never-applied')
                w.ended_at = iso(Math.min(e.time, w.endMs));
            else if (e.time < w.endMs) {
                w.outcome = 'revoked-early';
                w.ended_at = iso(e.time);
            }
            else {
                w.outcome = 'expired';
                w.ended_at = w.end;
            }
        }
    }
    for (const w of open.values()) {
        if (w.outcome === 'never-applied')
            continue;
        if (nowMs >= w.endMs) {
            w.outcome = 'expired';
            w.ended_at = w.end;
        }
    }
    return out.map(({ endMs: _e, ...w }) => w);
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/git/history.ts
var git_history = __webpack_require__(528);
// EXTERNAL MODULE: ./src/load/grant-file.ts
var grant_file = __webpack_require__(7753);
// EXTERNAL MODULE: ./src/commands/config.ts + 2 modules
var config = __webpack_require__(6202);
;// CONCATENATED MODULE: ./src/commands/audit.ts
/**
 * `gitgrant audit`: every window ever, from git history alone, with filters. Resources are
 * resolved with the policies in force just before each landing (the same first-parent rule apply
 * uses); configurations are loaded once per version of policies/, not once per grant.
 */







async function runAudit(repoDir, rev, nowMs, filters = {}) {
    const events = await (0,git_history/* pathEvents */.jW)(repoDir, rev, ['grants/', 'policies/']);
    const grantEvents = events.filter((e) => e.path.startsWith('grants/') && e.path.endsWith('.yaml'));
    const policyCommits = [
        ...new Set(events.filter((e) => e.path.startsWith('policies/')).map((e) => e.commit)),
    ];
    // The configuration in force for a landing = policies/ as of the last change strictly before it.
    const order = new Map();
    events.forEach((e, i) => order.has(e.commit) || order.set(e.commit, i));
    const configs = new Map();
    const configFor = (commit) => {
        const at = order.get(commit) ?? Infinity;
        let version = null;
        for (const c of policyCommits)
            if ((order.get(c) ?? Infinity) < at)
                version = c;
        if (!version)
            return Promise.resolve(null);
        let p = configs.get(version);
        if (!p)
            configs.set(version, (p = (0,config/* loadConfig */.Z9)(repoDir, version).catch(() => null)));
        return p;
    };
    const landings = grantEvents.filter((e) => e.status === 'A');
    const [messages, blobs] = await Promise.all([
        (0,git_history/* commitMessages */.u2)(repoDir, [...new Set(grantEvents.filter((e) => e.status !== 'M').map((e) => e.commit))]),
        (0,git_history/* blobsAt */.cu)(repoDir, landings.map((e) => `${e.commit}:${e.path}`)),
    ]);
    const parsed = new Map();
    for (const e of landings) {
        const bytes = blobs.get(`${e.commit}:${e.path}`);
        const r = bytes ? (0,grant_file/* loadGrant */.R)(e.path, bytes) : null;
        if (!r?.ok)
            continue;
        const config = await configFor(e.commit);
        const resources = config
            ? (0,resolve/* resolveResources */.k)(r.grant, config.prepared.inventory).resources
            : [];
        const d = (0,duration/* parseDuration */.E9)(r.grant.duration);
        parsed.set(`${e.commit}:${e.path}`, {
            person: r.grant.requester,
            access: r.grant.access,
            duration: r.grant.duration,
            durationMs: d.ok ? d.ms : null,
            resources: resources.length
                ? resources.map((x) => x.id)
                : r.grant.resources.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
            tags: resources.map((x) => ({ ...x.tags })),
        });
    }
    const windows = auditWindows(grantEvents, messages, (c, p) => parsed.get(`${c}:${p}`) ?? null, nowMs);
    const tagsOf = (w) => parsed.get(`${w.landing_commit}:${w.file}`)?.tags ?? [];
    let tagKey;
    let tagValue;
    if (filters.tag !== undefined) {
        const i = filters.tag.indexOf('=');
        if (i <= 0)
            throw new errors/* UsageError */.eb(`--tag must be key=value (got "${filters.tag}")`);
        tagKey = filters.tag.slice(0, i);
        tagValue = filters.tag.slice(i + 1);
    }
    return windows.filter((w) => {
        if (filters.person && w.person.toLowerCase() !== filters.person.toLowerCase())
            return false;
        if (filters.resource && !w.resources.includes(filters.resource))
            return false;
        if (tagKey !== undefined && !tagsOf(w).some((t) => t[tagKey] === tagValue))
            return false;
        const start = Date.parse(w.start);
        const end = Date.parse(w.ended_at ?? w.end);
        if (filters.since !== undefined && end < filters.since)
            return false;
        if (filters.until !== undefined && start >= filters.until)
            return false;
        return true;
    });
}

;// CONCATENATED MODULE: ./src/commands/history.ts
/**
 * The git history that extensions and repeat-access caps are decided on (docs/extension.md),
 * read from a local clone of the default branch: the grant an `extends` names (its file, its
 * landing, its resources as resolved with the policies before its landing, its own window —
 * continued when it is itself an extension) and the windows of `gitgrant audit`. The decisions
 * themselves are pure (src/core/extension.ts).
 */








/** Chains longer than this are not followed (they are refused anyway by any sane `max_extensions`). */
const MAX_CHAIN = 50;
/** Caches per reader (one run): configurations, grant files and landings per revision. */
function historyReader(repoDir) {
    const configs = new Map();
    const grants = new Map();
    const landings = new Map();
    const audits = new Map();
    const once = (m, k, f) => {
        let p = m.get(k);
        if (!p)
            m.set(k, (p = f()));
        return p;
    };
    const configAt = (rev) => once(configs, rev, () => (0,config/* loadConfig */.Z9)(repoDir, rev).catch(() => null));
    const grantsAt = (rev) => once(grants, rev, () => (0,config/* loadGrantFiles */.GE)(repoDir, undefined, rev));
    const landingsAt = (rev) => once(landings, rev, () => (0,landing/* landingTimes */.EO)(repoDir, rev));
    /** Is REV a commit of this clone? */
    async function has(rev) {
        try {
            await (0,run/* git */.$)(repoDir, ['cat-file', '-e', `${rev}^{commit}`]);
            return true;
        }
        catch {
            return false;
        }
    }
    /** The grant with id ID on REV (the default branch at some commit), with its window. */
    async function priorGrant(rev, id, depth = 0) {
        const g = (await grantsAt(rev)).find((l) => l.grant?.id === id)?.grant;
        if (!g)
            return null;
        const landing = (await landingsAt(rev)).get(g.file);
        const d = (0,duration/* parseDuration */.E9)(g.duration);
        if (!landing || !d.ok)
            return null;
        const config = (await configAt(`${landing.commit}^1`)) ?? (await configAt(rev));
        const resources = config ? (0,resolve/* resolveResources */.k)(g, config.prepared.inventory).resources.map((r) => r.id) : [];
        const w = await windowOf(g, landing, depth);
        return {
            id: g.id,
            file: g.file,
            requester: g.requester,
            access: g.access,
            resources,
            startMs: w.startMs,
            endMs: w.endMs,
            chain: w.extended ? w.extended.chain + 1 : 0,
        };
    }
    /**
     * The window of a grant that landed at LANDING: from the landing to landing + duration, or,
     * for a valid extension, from the end of the grant it extends (as it was just before the
     * landing) to that end + duration.
     */
    async function windowOf(grant, landing, depth = 0) {
        const d = (0,duration/* parseDuration */.E9)(grant.duration);
        const ms = d.ok ? d.ms : 0;
        const plain = { startMs: landing.time, endMs: landing.time + ms };
        if (grant.extends === undefined)
            return plain;
        if (depth >= MAX_CHAIN)
            return { ...plain, invalid: `the chain of extensions is longer than ${MAX_CHAIN}` };
        const prior = await priorGrant(`${landing.commit}^1`, grant.extends, depth + 1).catch(() => null);
        if (!prior)
            return {
                ...plain,
                invalid: `there was no grant ${grant.extends} on the default branch when it landed`,
            };
        const c = (0,extension/* continueWindow */._M)(prior, landing.time, ms);
        if (!c.ok)
            return { ...plain, invalid: c.reason };
        return { startMs: c.startMs, endMs: c.endMs, extended: prior };
    }
    /** Every window `gitgrant audit` reconstructs up to REV (never-applied ones left out). */
    function windowsAt(rev, nowMs) {
        return once(audits, rev, async () => (await runAudit(repoDir, rev, nowMs))
            .filter((w) => w.outcome !== 'never-applied')
            .map((w) => ({
            file: w.file,
            person: w.person,
            access: w.access,
            resources: w.resources,
            startMs: Date.parse(w.start),
            endMs: Date.parse(w.ended_at ?? w.end),
        })));
    }
    /**
     * The history facts for deciding GRANT on top of BASE (a commit of the default branch) at
     * instant AT_MS — only what the request needs (nothing for a request without `extends` whose
     * policies set no hours cap).
     */
    async function factsFor(base, grant, prepared, atMs) {
        const preview = (0,evaluate/* evaluatePolicies */.m)(grant, prepared);
        if (!(0,extension/* needsHistory */.q9)(preview))
            return undefined;
        const byId = new Map(prepared.snapshot.resources.map((r) => [r.id, r.tags]));
        const tagsOf = (id) => byId.get(id);
        if (base !== null && base.endsWith('^1') && !(await has(base)) && (await has(base.slice(0, -2))))
            // Decided on top of a root commit: there is no history before it.
            return { atMs, tagsOf, extended: null, windows: [] };
        if (base === null || !(await has(base)))
            return {
                atMs,
                tagsOf,
                unavailable: 'the default branch history is not available to this run (check out the default branch with fetch-depth: 0)',
            };
        try {
            const facts = { atMs, tagsOf };
            if (grant.extends !== undefined)
                facts.extended = await priorGrant(base, grant.extends);
            if (preview.hourCaps?.length)
                facts.windows = await windowsAt(base, atMs);
            return facts;
        }
        catch (e) {
            return { atMs, tagsOf, unavailable: e instanceof Error ? e.message : String(e) };
        }
    }
    return { has, priorGrant, windowOf, windowsAt, factsFor, landingsAt, grantsAt };
}
/**
 * History facts for grant files checked in a working tree or clone (CLI `validate`): a file that
 * already landed on REV is decided as at its landing (history just before it); a new one at
 * NOW_MS on top of REV.
 */
async function historyForFiles(repoDir, rev, loaded, prepared, nowMs) {
    const out = new Map();
    const reader = historyReader(repoDir);
    const revOk = await reader.has(rev);
    const landed = revOk
        ? await reader.landingsAt(rev).catch(() => new Map())
        : new Map();
    for (const l of loaded) {
        if (!l.grant)
            continue;
        const landing = landed.get(l.file);
        let facts = landing
            ? await reader.factsFor(`${landing.commit}^1`, l.grant, prepared, landing.time)
            : await reader.factsFor(revOk ? rev : null, l.grant, prepared, nowMs);
        // No git history at all (not a repository, no commit yet): nothing has landed, as for
        // `plan`. The Action, apply and reconcile always have the history and fail closed without it.
        if (facts?.unavailable !== undefined && !revOk) {
            const { unavailable: _u, ...rest } = facts;
            facts = { ...rest, extended: null, windows: [] };
        }
        if (facts)
            out.set(l.file, facts);
    }
    return out;
}


/***/ }),

/***/ 9414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eo: () => (/* binding */ describeFrom),
  Kj: () => (/* binding */ directoryWithTeams),
  EQ: () => (/* binding */ evaluateApprovals)
});

// EXTERNAL MODULE: ./src/core/model.ts
var model = __webpack_require__(4146);
;// CONCATENATED MODULE: ./src/core/pr-facts.ts
/**
 * The facts of one pull request, in GitHub's own REST field names (DESIGN.md §5, `--pr FACTS.json`).
 * The GitHub adapter fills these from the API; the CLI reads them from a JSON file. The core only
 * reads them, so approvals can be evaluated (and tested) without a network.
 */
/**
 * Bots never count as approvers. GitHub marks App accounts `type: "Bot"`; their logins end in
 * `[bot]`. Either signal is enough, because facts written by hand may omit `type`.
 */
function isBot(user) {
    return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}

// EXTERNAL MODULE: ./src/core/principals.ts
var principals = __webpack_require__(1496);
;// CONCATENATED MODULE: ./src/core/reviews.ts
/**
 * Effective reviews (DESIGN.md §3): per reviewer, the latest review that is not COMMENTED
 * (and not PENDING, which is an unsubmitted draft). A DISMISSED review resets the reviewer:
 * GitHub turns a dismissed review's state into DISMISSED, so the reviewer has no standing
 * verdict until they review again.
 */

function time(review) {
    if (review.submitted_at === undefined)
        return undefined;
    const ms = Date.parse(review.submitted_at);
    return Number.isNaN(ms) ? undefined : ms;
}
/**
 * Reviews in chronological order. GitHub already lists them oldest first; sorting guards
 * against adapters or hand-written facts that do not. Sort key: submitted_at, then id, then
 * input position. A review missing a timestamp (or id) inherits the previous review's value,
 * so it stays where GitHub put it and the order is total (a comparator that skipped missing
 * values could be inconsistent and sort differently across engines).
 */
function chronological(reviews) {
    let lastTime = Number.NEGATIVE_INFINITY;
    let lastId = Number.NEGATIVE_INFINITY;
    const keyed = reviews.map((review, index) => {
        lastTime = time(review) ?? lastTime;
        lastId = typeof review.id === 'number' && Number.isFinite(review.id) ? review.id : lastId;
        return { review, t: lastTime, id: lastId, index };
    });
    keyed.sort((a, b) => a.t - b.t || a.id - b.id || a.index - b.index);
    return keyed.map((k) => k.review);
}
/** Lower-case login → that reviewer's effective review. Deleted accounts (`user: null`) are ignored. */
function effectiveReviews(reviews) {
    const effective = new Map();
    for (const review of chronological(reviews)) {
        if (!review.user)
            continue;
        const key = (0,model/* loginKey */.H$)(review.user.login);
        switch (review.state) {
            case 'COMMENTED':
            case 'PENDING':
                break;
            case 'DISMISSED':
                effective.delete(key);
                break;
            default:
                effective.set(key, review);
        }
    }
    return effective;
}

;// CONCATENATED MODULE: ./src/core/matching.ts
/**
 * Maximum bipartite matching between approval slots and approvers (Kuhn's augmenting paths).
 * Each approver fills at most one slot across all rules, and as many slots as possible are
 * filled: a greedy assignment could let one person who is in two groups use up the only slot
 * another person could have filled. Sizes are tiny (a handful of slots and reviewers), so the
 * O(slots × edges) algorithm is plenty.
 *
 * Deterministic: slots are tried in order and candidates in sorted order, so the same input
 * always yields the same assignment and the PR comment does not churn between runs.
 */
/** For each slot (same index as the input), the approver assigned to it, or null. */
function maximumMatching(slots) {
    const sorted = slots.map((s) => [...s.candidates].sort());
    const slotOf = new Map(); // approver → slot index
    const assignment = slots.map(() => null);
    // Try to give slot `i` an approver, moving already-placed approvers along an augmenting path.
    const augment = (i, visited) => {
        const candidates = sorted[i] ?? [];
        // A free approver first: placements only move when they must, so reports read naturally
        // (the first approvals stay where they were).
        const free = candidates.find((who) => !visited.has(who) && !slotOf.has(who));
        if (free !== undefined) {
            slotOf.set(free, i);
            assignment[i] = free;
            return true;
        }
        for (const who of candidates) {
            if (visited.has(who))
                continue;
            visited.add(who);
            const held = slotOf.get(who);
            if (held === undefined || augment(held, visited)) {
                slotOf.set(who, i);
                assignment[i] = who;
                return true;
            }
        }
        return false;
    };
    for (let i = 0; i < slots.length; i++)
        augment(i, new Set());
    return assignment;
}

// EXTERNAL MODULE: ./src/core/codeowners.ts
var codeowners = __webpack_require__(774);
;// CONCATENATED MODULE: ./src/core/approvals.ts






/** A directory whose teams are exactly the PR facts' teams (active members only). */
function directoryWithTeams(base, teams) {
    const map = new Map();
    for (const [team, members] of Object.entries(teams)) {
        const key = (0,principals/* teamKey */.rq)(team);
        map.set(key, [...(map.get(key) ?? []), ...members]);
    }
    return { people: base.people, groups: base.groups, teams: map };
}
function describeFrom(from) {
    return from === 'codeowners' ? 'codeowners' : from.map(principals/* describePrincipal */.wC).join(', ');
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The same GitHub account: same login (any case), or the same numeric id where both are known. */
function sameAccount(user, other) {
    if ((0,model/* loginKey */.H$)(user.login) === (0,model/* loginKey */.H$)(other.login))
        return true;
    return typeof user.id === 'number' && typeof other.id === 'number' && user.id === other.id;
}
/** Why `user` may never approve this PR, or null. */
function exclusion(user, input) {
    const { facts, dir } = input;
    if (isBot(user))
        return 'is a bot';
    // The requester's bound id (if any) catches a reviewer who is the requester under a new login.
    const requester = { login: input.requester, id: dir.people.get((0,model/* loginKey */.H$)(input.requester))?.id };
    if (sameAccount(user, requester))
        return 'is the requester';
    if (sameAccount(user, facts.author))
        return 'is the pull request author';
    if (facts.commit_authors.some((a) => sameAccount(user, a)))
        return 'authored a commit in this PR';
    const person = dir.people.get((0,model/* loginKey */.H$)(user.login));
    if (person && typeof person.id === 'number' && typeof user.id === 'number' && person.id !== user.id) {
        // The login was renamed and reused by another account: it is not the person policies/ names.
        return `id ${user.id} does not match people.${person.login}.id ${person.id}`;
    }
    return null;
}
function selectorRule(from, dir, notes) {
    for (const sel of from) {
        if (typeof sel === 'string' && sel.startsWith('@') && !dir.teams.has((0,principals/* teamKey */.rq)(sel))) {
            notes.add(`membership of ${sel} is unknown (not in the pull request facts): its members cannot approve`);
        }
        if (typeof sel !== 'string' && 'same_tags' in sel) {
            notes.add(`${(0,principals/* describePrincipal */.wC)(sel)} cannot select approvers (rules span resources): it matches nobody`);
        }
    }
    return {
        eligible: (login) => from.some((sel) => (0,principals/* principalMatches */.ES)(sel, login, dir)),
        known: () => from.flatMap((sel) => (0,principals/* expandPrincipal */.np)(sel, dir)),
    };
}
function codeownersRule(owners, dir, notes) {
    const users = [];
    const teams = [];
    for (const owner of owners) {
        const kind = (0,codeowners/* ownerKind */.kK)(owner);
        if (kind === 'user')
            users.push(owner.slice(1));
        else if (kind === 'team') {
            if (dir.teams.has((0,principals/* teamKey */.rq)(owner)))
                teams.push((0,principals/* teamKey */.rq)(owner));
            else
                notes.add(`membership of code owner ${owner} is unknown (not in the pull request facts): its members cannot approve`);
        }
        else
            notes.add(`code owner ${owner} is an email address, which cannot be mapped to an account: ignored`);
    }
    const known = () => [...users, ...teams.flatMap((t) => dir.teams.get(t) ?? [])];
    const keys = () => new Set(known().map(model/* loginKey */.H$));
    return { eligible: (login) => keys().has((0,model/* loginKey */.H$)(login)), known };
}
function uniqueSorted(logins) {
    const byKey = new Map();
    for (const login of logins)
        if (!byKey.has((0,model/* loginKey */.H$)(login)))
            byKey.set((0,model/* loginKey */.H$)(login), login);
    return [...byKey.values()].sort((a, b) => (0,model/* loginKey */.H$)(a) < (0,model/* loginKey */.H$)(b) ? -1 : (0,model/* loginKey */.H$)(a) > (0,model/* loginKey */.H$)(b) ? 1 : 0);
}
function error(code, message) {
    return { code, message };
}
function evaluateApprovals(input) {
    const { rules, facts } = input;
    const errors = [];
    const ignored = [];
    const notes = new Set();
    const head = facts.head_sha.toLowerCase();
    const views = rules.map((rule) => {
        if (rule.from !== 'codeowners')
            return selectorRule(rule.from, input.dir, notes);
        if (!input.codeowners || input.codeowners.owners.length === 0) {
            errors.push(error('no-codeowners', 'a rule requires code owner approval, but CODEOWNERS names no owner for this grant file'));
            return { eligible: () => false, known: () => [] };
        }
        return codeownersRule(input.codeowners.owners, input.dir, notes);
    });
    for (const [i, rule] of rules.entries()) {
        if (!Number.isInteger(rule.count) || rule.count < 0) {
            errors.push(error('config-invalid', `approval rule ${describeFrom(rule.from)} has an invalid count ${rule.count}`));
            views[i] = { eligible: () => false, known: () => [] };
        }
    }
    const eligibleForAny = (login) => views.some((v) => v.eligible(login));
    // Reviewers whose approval counts, and who blocks.
    const approvers = [];
    const blockers = [];
    for (const review of effectiveReviews(facts.reviews).values()) {
        const user = review.user;
        const excluded = exclusion(user, input);
        if (review.state === 'CHANGES_REQUESTED') {
            if (!excluded && eligibleForAny(user.login))
                blockers.push(user.login);
            else
                ignored.push({
                    login: user.login,
                    reason: `requested changes but ${excluded ?? 'cannot approve this grant'}`,
                });
            continue;
        }
        if (excluded)
            ignored.push({ login: user.login, reason: excluded });
        else if (review.commit_id.toLowerCase() !== head) {
            ignored.push({
                login: user.login,
                reason: `approved an older commit (${review.commit_id.slice(0, 7)})`,
            });
        }
        else if (!eligibleForAny(user.login)) {
            ignored.push({ login: user.login, reason: 'is not an approver for any required rule' });
        }
        else
            approvers.push(review);
    }
    if (blockers.length > 0) {
        errors.push(error('changes-requested', `changes requested by ${uniqueSorted(blockers).join(', ')}`));
    }
    // One slot per required approval; approvers matched to slots, each used at most once.
    const slots = [];
    rules.forEach((rule, i) => {
        const candidates = new Set(approvers.filter((r) => views[i].eligible(r.user.login)).map((r) => r.user.login));
        const count = Number.isInteger(rule.count) && rule.count > 0 ? rule.count : 0;
        for (let n = 0; n < count; n++)
            slots.push({ rule: i, candidates });
    });
    const assignment = maximumMatching(slots);
    const used = new Set(assignment.filter((a) => a !== null).map(model/* loginKey */.H$));
    const outcomes = rules.map((rule, i) => {
        const approvedBy = slots.flatMap((s, k) => (s.rule === i && assignment[k] ? [assignment[k]] : []));
        const count = Number.isInteger(rule.count) && rule.count > 0 ? rule.count : 0;
        const missing = count - approvedBy.length;
        const candidates = uniqueSorted(views[i].known().filter((login) => !used.has((0,model/* loginKey */.H$)(login)) && exclusion({ login }, input) === null));
        if (missing > 0) {
            const from = describeFrom(rule.from);
            const have = approvedBy.length ? ` (${approvedBy.join(', ')})` : '';
            const who = candidates.length ? `can be given by ${candidates.join(', ')}` : 'no one else can give it';
            errors.push(error('approval-missing', `${from} needs ${plural(count, 'approval')}, has ${approvedBy.length}${have}; ${who}`));
        }
        return {
            from: describeFrom(rule.from),
            count: rule.count,
            approved_by: approvedBy,
            missing,
            candidates,
            policies: [...rule.policies],
        };
    });
    return { approved: errors.length === 0, rules: outcomes, errors, ignored, notes: [...notes] };
}


/***/ }),

/***/ 1490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wu: () => (/* binding */ classifyChanges)
/* harmony export */ });
/* unused harmony exports isGrantPath, isPolicyPath, isDocPath */
const CODEOWNERS_PATHS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']);
const isGrantPath = (p) => p.startsWith('grants/');
const isPolicyPath = (p) => p.startsWith('policies/') || CODEOWNERS_PATHS.has(p);
/** Documentation: cannot change a decision or run. */
const isDocPath = (p) => p.endsWith('.md') && !p.startsWith('.github/') && !isGrantPath(p) && !isPolicyPath(p);
const isControlPath = (p) => !isGrantPath(p) && !isDocPath(p);
function at(file, code, message) {
    return { code, message, file, line: 1, column: 1 };
}
function classifyChanges(files) {
    const paths = files.flatMap((f) => (f.previous_filename ? [f.path, f.previous_filename] : [f.path]));
    const touchesGrants = paths.some(isGrantPath);
    const control = paths.filter(isControlPath);
    const diagnostics = [];
    const added = [];
    const deleted = [];
    for (const f of files) {
        const grantSide = isGrantPath(f.path) || (f.previous_filename !== undefined && isGrantPath(f.previous_filename));
        if (!grantSide)
            continue;
        if (f.status === 'added' && isGrantPath(f.path))
            added.push(f.path);
        else if (f.status === 'removed')
            deleted.push(f.path);
        else
            diagnostics.push(at(f.path, 'grant-modified', f.status === 'renamed'
                ? `${f.previous_filename} was renamed to ${f.path}: an existing grant cannot be changed; delete it and add a new request`
                : `${f.path} already exists on the base branch and cannot be changed: add a new request file instead (deleting a grant revokes it early)`));
    }
    if (touchesGrants && control.length > 0) {
        for (const p of added.length ? added : paths.filter(isGrantPath)) {
            diagnostics.push(at(p, 'mixed-change', `this pull request changes grants and also ${control.slice(0, 3).join(', ')}${control.length > 3 ? ', …' : ''}: requests and policy changes must be separate pull requests`));
        }
    }
    const kind = touchesGrants && control.length > 0
        ? 'mixed'
        : touchesGrants
            ? 'grants'
            : control.length > 0
                ? 'policy'
                : 'other';
    return { kind, added, deleted, diagnostics };
}


/***/ }),

/***/ 774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ CODEOWNERS_LOCATIONS),
/* harmony export */   BW: () => (/* binding */ parseCodeowners),
/* harmony export */   K2: () => (/* binding */ ownersOf),
/* harmony export */   X5: () => (/* binding */ pickCodeowners),
/* harmony export */   kK: () => (/* binding */ ownerKind)
/* harmony export */ });
/* unused harmony exports CODEOWNERS_MAX_BYTES, compilePattern */
/**
 * CODEOWNERS: our own parser and matcher, written to GitHub's documented rules ("About code
 * owners"). We do not use an npm parser because they disagree with GitHub where it matters for
 * approvals: several match case-insensitively, and several treat `dir/*` as gitignore does
 * (everything below `dir`), while GitHub matches only the files directly in `dir`.
 *
 * Rules, in short:
 *   - location: `.github/CODEOWNERS`, then `CODEOWNERS`, then `docs/CODEOWNERS`; the first found wins
 *   - `#` starts a comment at the start of a line or after whitespace; blank lines are ignored
 *   - a line is `PATTERN OWNER...`; the LAST matching line wins; a matching line without owners
 *     means the path has no owners
 *   - patterns follow gitignore except: `!` negation, `[ ]` ranges and a `\#` escape of a leading
 *     `#` do not work (GitHub documents all three as unsupported: we report the line and skip it,
 *     as GitHub skips invalid lines)
 *   - no slash, or only a trailing one: matches at any depth; a leading or inner slash anchors
 *     to the root; `*` and `?` stay within one path segment, `**` crosses segments; a trailing
 *     slash matches everything below that directory; a final lone `*` (`docs/*`) matches only
 *     the files directly in that directory; any other pattern also matches everything below a
 *     directory it names
 *   - matching is case-sensitive (GitHub's file system is)
 *   - owners: `@user`, `@org/team`, or an email address; any other token makes the line invalid
 */
/** GitHub searches these in order and uses the first that exists. */
const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
/** GitHub does not load a CODEOWNERS file of 3 MB or more. */
const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;
function pickCodeowners(candidates) {
    for (const location of CODEOWNERS_LOCATIONS) {
        const found = candidates.find((c) => c.path === location);
        if (found)
            return found;
    }
    return null;
}
const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9_.-]+$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
function ownerKind(owner) {
    if (USER.test(owner))
        return 'user';
    if (TEAM.test(owner))
        return 'team';
    if (EMAIL.test(owner))
        return 'email';
    return null;
}
const isSpace = (ch) => ch === ' ' || ch === '\t';
/**
 * Splits a line into whitespace-separated tokens, stopping at a `#` that starts a token.
 * A backslash keeps the next character in the current token (so `a\ b` is one token and
 * `\#` does not start a comment); the backslash itself is kept for the pattern compiler.
 */
function tokenize(line) {
    const tokens = [];
    let i = 0;
    while (i < line.length) {
        while (isSpace(line[i]))
            i++;
        if (i >= line.length || line[i] === '#')
            break;
        const start = i;
        while (i < line.length && !isSpace(line[i]))
            i += line[i] === '\\' && i + 1 < line.length ? 2 : 1;
        tokens.push({ text: line.slice(start, i), start });
    }
    return tokens;
}
const escapeRe = (ch) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** Splits a pattern on unescaped `/` into segments of literal and wildcard parts. */
function segmentsOf(pattern) {
    const segments = [[]];
    const chars = Array.from(pattern);
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const current = segments[segments.length - 1];
        if (ch === '\\')
            current.push({ kind: 'lit', ch: chars[++i] });
        else if (ch === '/')
            segments.push([]);
        else if (ch === '*')
            current.push({ kind: 'star' });
        else if (ch === '?')
            current.push({ kind: 'one' });
        else
            current.push({ kind: 'lit', ch });
    }
    return segments;
}
const isDoubleStar = (seg) => seg.length === 2 && seg.every((p) => p.kind === 'star');
const isLoneStar = (seg) => seg.length > 0 && seg.every((p) => p.kind === 'star') && !isDoubleStar(seg);
function segmentRe(seg) {
    if (isLoneStar(seg))
        return '[^/]+'; // a whole segment is never empty
    return seg.map((p) => (p.kind === 'star' ? '[^/]*' : p.kind === 'one' ? '[^/]' : escapeRe(p.ch))).join('');
}
/** Checks a pattern for the syntax GitHub rejects; returns a message and 0-based offset, or null. */
function patternProblem(pattern) {
    if (pattern.startsWith('\\#')) {
        return { message: 'escaping a leading "#" with "\\" is not supported in CODEOWNERS', at: 0 };
    }
    if (pattern.startsWith('!'))
        return { message: 'negation ("!") is not supported in CODEOWNERS', at: 0 };
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\') {
            if (i + 1 >= pattern.length)
                return { message: 'pattern ends with an escape character', at: i };
            i++;
        }
        else if (ch === '[' || ch === ']') {
            return { message: 'character ranges ("[ ]") are not supported in CODEOWNERS', at: i };
        }
    }
    const segments = segmentsOf(pattern);
    if (segments.every((s) => s.length === 0)) {
        return { message: `the pattern "${pattern}" never matches anything; "*" matches every file`, at: 0 };
    }
    // Empty segments other than a leading or trailing slash (`a//b`): git paths never contain them.
    if (segments.slice(1, -1).some((s) => s.length === 0))
        return { message: 'empty path segment ("//")', at: 0 };
    return null;
}
/** Compiles a (valid) pattern to an anchored, case-sensitive regular expression over repo paths. */
function compilePattern(pattern) {
    const segments = segmentsOf(pattern);
    const leadingSlash = segments[0].length === 0;
    if (leadingSlash)
        segments.shift();
    const trailingSlash = segments.length > 1 && segments[segments.length - 1].length === 0;
    if (trailingSlash)
        segments.pop();
    // gitignore: a slash at the start or in the middle anchors the pattern to the root.
    if (!leadingSlash && segments.length === 1 && !isDoubleStar(segments[0]))
        segments.unshift([{ kind: 'star' }, { kind: 'star' }]);
    let re = '';
    let needSlash = false;
    segments.forEach((seg, i) => {
        const first = i === 0;
        const last = i === segments.length - 1;
        if (isDoubleStar(seg)) {
            // everything (below); with a trailing slash (`dir/**/`, `**/`) only what is inside the
            // directories below, never a file directly in `dir` (gitignore: a trailing slash matches
            // directories only).
            if (last)
                re += (first ? '' : '/') + (trailingSlash ? '.+/.+' : '.+');
            else if (first)
                re += '(?:.+/)?'; // any leading directories, or none
            else
                re += '(?:/.+)?'; // any directories in between, or none
            needSlash = !first && !last;
            return;
        }
        re += (needSlash ? '/' : '') + segmentRe(seg);
        needSlash = true;
        if (!last)
            return;
        if (trailingSlash)
            re += '/.+'; // a directory: everything inside it, at any depth
        else if (!isLoneStar(seg))
            re += '(?:/.+)?'; // the file itself, or everything below a directory of that name
        // a final lone `*`: only the entries directly in the parent (GitHub's `docs/*` rule)
    });
    return new RegExp(`^${re}$`, 'su');
}
function utf8Length(text) {
    let n = 0;
    for (const ch of text) {
        const cp = ch.codePointAt(0);
        n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    return n;
}
function parseCodeowners(text, file) {
    const rules = [];
    const errors = [];
    if (utf8Length(text) >= CODEOWNERS_MAX_BYTES) {
        errors.push({ line: 1, column: 1, message: 'CODEOWNERS is 3 MB or larger; GitHub does not load it' });
        return { file, rules, errors };
    }
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, index) => {
        const line = index + 1;
        const tokens = tokenize(raw);
        const [head, ...rest] = tokens;
        if (!head)
            return; // blank or comment
        const problem = patternProblem(head.text);
        if (problem) {
            errors.push({ line, column: head.start + problem.at + 1, message: problem.message });
            return;
        }
        const bad = rest.find((t) => ownerKind(t.text) === null);
        if (bad) {
            errors.push({
                line,
                column: bad.start + 1,
                message: `invalid owner "${bad.text}": use @user, @org/team or an email`,
            });
            return;
        }
        rules.push({
            pattern: head.text,
            owners: rest.map((t) => t.text),
            line,
            regex: compilePattern(head.text),
        });
    });
    return { file, rules, errors };
}
/**
 * Owners of a repository path (no leading slash), from the last matching line; null when no
 * line matches. `owners` is empty when the matching line names nobody.
 */
function ownersOf(parsed, path) {
    const normalized = path.replace(/^\/+/, '');
    for (let i = parsed.rules.length - 1; i >= 0; i--) {
        const rule = parsed.rules[i];
        if (rule.regex.test(normalized))
            return { owners: [...rule.owners], line: rule.line };
    }
    return null;
}


/***/ }),

/***/ 8019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ decideGrant)
/* harmony export */ });
/* unused harmony export requesterIsAuthor */
/* harmony import */ var _approvals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9414);
/* harmony import */ var _codeowners_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(774);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3112);
/* harmony import */ var _extension_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2526);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4146);
/**
 * The whole decision for one grant file: policy evaluation, identity (requester = PR author),
 * and, when pull-request facts are given, approvals. Pure.
 */






/** The requester must be the PR author: same login (any case) and, where `people:` binds an id, the same id. */
function requesterIsAuthor(grant, facts, prepared) {
    const author = facts.author;
    const bound = prepared.snapshot.people.get((0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .loginKey */ .H$)(grant.requester));
    if ((0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .loginKey */ .H$)(author.login) !== (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .loginKey */ .H$)(grant.requester)) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .diag */ .sm)('requester-not-author', `requester ${grant.requester} is not the pull request's author (${author.login}): people request access for themselves`, grant.source, ['requester']);
    }
    if (bound?.id !== undefined && author.id !== undefined && bound.id !== author.id) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .diag */ .sm)('requester-not-author', `the author's account id ${author.id} is not the id ${bound.id} that policies/ binds to ${grant.requester}`, grant.source, ['requester']);
    }
    return null;
}
function decideGrant(grant, prepared, ctx) {
    const dir = ctx.facts ? (0,_approvals_js__WEBPACK_IMPORTED_MODULE_0__/* .directoryWithTeams */ .Kj)(prepared.directory, ctx.facts.teams) : prepared.directory;
    const policy = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluatePolicies */ .m)(grant, prepared, dir);
    const diagnostics = [...policy.diagnostics];
    const historyErrors = ctx.history ? (0,_extension_js__WEBPACK_IMPORTED_MODULE_3__/* .checkHistory */ .X3)(policy, ctx.history) : [];
    diagnostics.push(...historyErrors);
    let approvals = null;
    if (ctx.facts) {
        const identity = requesterIsAuthor(grant, ctx.facts, prepared);
        if (identity)
            diagnostics.push(identity);
        const owned = ctx.codeowners ? (0,_codeowners_js__WEBPACK_IMPORTED_MODULE_5__/* .ownersOf */ .K2)(ctx.codeowners, grant.file) : null;
        approvals = (0,_approvals_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateApprovals */ .EQ)({
            rules: policy.rules,
            requester: grant.requester,
            facts: ctx.facts,
            dir,
            codeowners: owned,
        });
        for (const e of approvals.errors)
            diagnostics.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .diag */ .sm)(e.code, e.message, grant.source, []));
    }
    const valid = policy.ok && historyErrors.length === 0 && !diagnostics.some((d) => d.code === 'requester-not-author');
    return {
        grant,
        policy,
        approvals,
        diagnostics,
        valid,
        approved: valid && approvals !== null && approvals.approved && diagnostics.length === 0,
    };
}


/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   kg: () => (/* binding */ MINUTE_MS),
/* harmony export */   sO: () => (/* binding */ DAY_MS)
/* harmony export */ });
/* unused harmony exports HOUR_MS, MAX_DURATION_MS */
/**
 * Durations, one grammar (docs/reference.md#durations):
 *
 *   short form   N m | N h | N d          90m, 4h, 2d           (N: 1-6 digits, no sign, no fraction)
 *   ISO-8601     P[nD][T[nH][nM]]          PT4H, P1D, P1DT12H, PT90M
 *
 * Weeks, months and years are not accepted (months and years have no fixed length). Seconds
 * are not accepted (access in seconds is not a use case and would make typos pass). Zero,
 * negative, bare numbers, fractions and anything over 366 days are `duration-invalid`.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Longest duration the grammar accepts: a year (leap) — anything longer is standing access. */
const MAX_DURATION_MS = 366 * DAY_MS;
const SHORT = /^([0-9]{1,6})([mhd])$/;
const ISO = /^P(?:([0-9]{1,6})D)?(?:T(?:([0-9]{1,6})H)?(?:([0-9]{1,6})M)?)?$/;
function parseDuration(text) {
    if (typeof text !== 'string') {
        return {
            ok: false,
            reason: 'a duration is a string such as 4h, 90m, 2d or PT4H (a bare number has no unit)',
        };
    }
    let ms;
    const short = SHORT.exec(text);
    if (short) {
        const n = Number(short[1]);
        ms = n * (short[2] === 'm' ? MINUTE_MS : short[2] === 'h' ? HOUR_MS : DAY_MS);
    }
    else {
        const iso = ISO.exec(text);
        // `P` alone and `PT` with nothing after it are not durations.
        if (iso && text !== 'P' && !text.endsWith('T')) {
            const [, d, h, m] = iso;
            if (d !== undefined || h !== undefined || m !== undefined) {
                ms = Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(m ?? 0) * MINUTE_MS;
            }
        }
    }
    if (ms === undefined) {
        return {
            ok: false,
            reason: `"${text}" is not a duration: use Nm, Nh or Nd (e.g. 90m, 4h, 2d) or ISO-8601 (PT4H, P1D)`,
        };
    }
    if (ms <= 0)
        return { ok: false, reason: `"${text}" is zero: a duration must be longer than 0` };
    if (ms > MAX_DURATION_MS)
        return { ok: false, reason: `"${text}" is longer than the 366-day limit` };
    return { ok: true, ms };
}
/** A compact human rendering: 4h, 1d 12h, 90m → 1h 30m. */
function formatDuration(ms) {
    const parts = [];
    let rest = Math.round(ms / MINUTE_MS);
    const d = Math.floor(rest / (24 * 60));
    rest -= d * 24 * 60;
    const h = Math.floor(rest / 60);
    const m = rest - h * 60;
    if (d)
        parts.push(`${d}d`);
    if (h)
        parts.push(`${h}h`);
    if (m || parts.length === 0)
        parts.push(`${m}m`);
    return parts.join(' ');
}


/***/ }),

/***/ 3112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ evaluatePolicies)
});

// UNUSED EXPORTS: REQUIRED_REASON_MIN

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/principals.ts
var principals = __webpack_require__(1496);
// EXTERNAL MODULE: ./src/core/resolve.ts
var resolve = __webpack_require__(2183);
// EXTERNAL MODULE: ./src/core/selector.ts
var selector = __webpack_require__(7442);
;// CONCATENATED MODULE: ./src/core/rules.ts
function selectorKey(sel) {
    if (typeof sel === 'string')
        return `s:${sel.toLowerCase()}`;
    if ('tags' in sel) {
        const entries = Object.entries(sel.tags)
            .map(([k, v]) => [k, typeof v === 'string' ? [v] : [...v].sort()])
            .sort(([a], [b]) => (a < b ? -1 : 1));
        return `t:${JSON.stringify(entries)}`;
    }
    return `st:${JSON.stringify([...sel.same_tags].sort())}`;
}
const keys = new WeakMap();
function approverSetKey(from) {
    if (from === 'codeowners')
        return 'codeowners';
    // Rules come from policies (the same arrays for every request): compute each key once.
    let key = keys.get(from);
    if (key === undefined)
        keys.set(from, (key = [...new Set(from.map(selectorKey))].sort().join('|')));
    return key;
}
function mergeRules(rules) {
    const merged = new Map();
    for (const rule of rules) {
        const key = approverSetKey(rule.from);
        const existing = merged.get(key);
        if (!existing) {
            merged.set(key, { from: rule.from, count: rule.count, policies: [...rule.policies] });
            continue;
        }
        existing.count = Math.max(existing.count, rule.count);
        for (const p of rule.policies)
            if (!existing.policies.includes(p))
                existing.policies.push(p);
    }
    return [...merged.values()];
}

;// CONCATENATED MODULE: ./src/core/evaluate.ts
/**
 * Policy evaluation (DESIGN.md §3), for one grant request against a prepared snapshot.
 *
 * For each resolved resource:
 *   1. a matching deny policy names requester → `denied` (deny wins, whatever allows)
 *   2. no allow policy matches                → `no-policy` (default deny)
 *   3. requester not eligible under EVERY matching allow policy → `not-eligible`
 *   4. access level not offered by EVERY matching allow policy  → `access-not-offered`
 * Then across all resources: effective max duration = the smallest (`duration-exceeds-max`),
 * `require` of every matching policy (`reason-required`, `ticket-invalid`), and the approval
 * rules: their union, rules with the same approver set merged with the largest count.
 */






/** Minimum length of a reason when a policy sets `require: { reason: true }`. */
const REQUIRED_REASON_MIN = 10;
function requesterSelectorThatMatches(selectors, requester, dir, resource) {
    return selectors.find((s) => (0,principals/* principalMatches */.ES)(s, requester, dir, resource.tags));
}
const usesTags = new WeakMap();
/** Does the policy's requester list depend on the resource (`same_tags`)? Computed once per policy. */
function usesResourceTags(policy) {
    let v = usesTags.get(policy);
    if (v === undefined)
        usesTags.set(policy, (v = policy.requesters.some((s) => typeof s === 'object' && 'same_tags' in s)));
    return v;
}
function listSelectors(selectors) {
    return selectors.map(principals/* describePrincipal */.wC).join('; ');
}
function evaluatePolicies(grant, prepared, dir = prepared.directory) {
    const src = grant.source;
    const diagnostics = [];
    const { resources, origin, diagnostics: resolutionErrors } = (0,resolve/* resolveResources */.k)(grant, prepared.inventory);
    diagnostics.push(...resolutionErrors);
    const parsed = (0,duration/* parseDuration */.E9)(grant.duration);
    const durationMs = parsed.ok ? parsed.ms : undefined;
    if (!parsed.ok)
        diagnostics.push((0,errors/* diag */.sm)('duration-invalid', parsed.reason, src, ['duration']));
    const verdicts = [];
    const rules = [];
    const requires = [];
    let maxDurationMs;
    let maxDuration;
    let maxDurationPolicy;
    // Per request, a policy's verdict on the requester only depends on the resource through
    // `same_tags`; and a policy's limits and approvals are the same for every resource it matches.
    // Both are computed once per policy, so a selector over many resources stays cheap.
    const eligibleMemo = new Map();
    const eligible = (policy, resource) => {
        if (usesResourceTags(policy))
            return !!requesterSelectorThatMatches(policy.requesters, grant.requester, dir, resource);
        let v = eligibleMemo.get(policy);
        if (v === undefined)
            eligibleMemo.set(policy, (v = !!requesterSelectorThatMatches(policy.requesters, grant.requester, dir, resource)));
        return v;
    };
    const counted = new Set();
    const contributing = [];
    const at = (resource) => ['resources', origin.get(resource.id) ?? 0];
    for (const resource of resources) {
        const { allow, deny, allowNames, denyNames } = prepared.matchingPolicies(resource.id);
        verdicts.push({ resource, allow: allowNames, deny: denyNames });
        const tagText = () => Object.entries(resource.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || 'no tags';
        const denying = deny.find((p) => requesterSelectorThatMatches(p.requesters, grant.requester, dir, resource));
        if (denying) {
            const who = requesterSelectorThatMatches(denying.requesters, grant.requester, dir, resource);
            diagnostics.push((0,errors/* diag */.sm)('denied', `policy "${denying.name}" denies ${grant.requester} on ${resource.id}: it applies through {${(0,selector/* describeSelector */.r5)(denying.resources)}} and names the requester as ${(0,principals/* describePrincipal */.wC)(who)}`, src, at(resource)));
            continue;
        }
        if (allow.length === 0) {
            diagnostics.push((0,errors/* diag */.sm)('no-policy', `no allow policy matches ${resource.id} (${tagText()}): it cannot be requested`, src, at(resource)));
            continue;
        }
        let resourceOk = true;
        for (const policy of allow) {
            if (!eligible(policy, resource)) {
                resourceOk = false;
                diagnostics.push((0,errors/* diag */.sm)('not-eligible', `${grant.requester} may not request ${resource.id}: policy "${policy.name}" applies through {${(0,selector/* describeSelector */.r5)(policy.resources)}} and allows only ${listSelectors(policy.requesters)}`, src, at(resource)));
            }
        }
        if (!resourceOk)
            continue;
        for (const policy of allow) {
            const rule = Object.hasOwn(policy.access, grant.access) ? policy.access[grant.access] : undefined;
            if (!rule) {
                diagnostics.push((0,errors/* diag */.sm)('access-not-offered', `access "${grant.access}" is not offered on ${resource.id} by policy "${policy.name}" (offers: ${Object.keys(policy.access).join(', ') || 'nothing'})`, src, ['access']));
                continue;
            }
            if (counted.has(policy))
                continue;
            counted.add(policy);
            contributing.push({ policy, rule });
            if (maxDurationMs === undefined || rule.maxDurationMs < maxDurationMs) {
                maxDurationMs = rule.maxDurationMs;
                maxDuration = rule.maxDuration;
                maxDurationPolicy = policy.name;
            }
            for (const r of rule.approvals)
                rules.push({ from: r.from, count: r.count, policies: [policy.name] });
            if (policy.require)
                requires.push(policy);
        }
    }
    if (durationMs !== undefined && maxDurationMs !== undefined && durationMs > maxDurationMs) {
        diagnostics.push((0,errors/* diag */.sm)('duration-exceeds-max', `duration ${grant.duration} exceeds the maximum of ${maxDuration} set by policy "${maxDurationPolicy}" for ${grant.access}`, src, ['duration']));
    }
    checkRequirements(grant, requires, diagnostics);
    if (grant.reason.trim() === '' && !diagnostics.some((d) => d.code === 'reason-required')) {
        diagnostics.push((0,errors/* diag */.sm)('reason-required', 'a reason is required: say why you need this access', src, ['reason']));
    }
    const limits = accessLimits(contributing, rules);
    return {
        grant,
        resources,
        verdicts,
        durationMs,
        maxDurationMs,
        maxDuration,
        maxDurationPolicy,
        rules: mergeRules(rules),
        diagnostics,
        ok: diagnostics.length === 0,
        ...limits,
    };
}
/**
 * Extension caps and break-glass over the contributing access rules. Fail closed: the smallest
 * `max_extensions`, every hours cap, and break-glass only when every contributing rule is
 * break-glass (otherwise the break-glass reviewers are required before merge, like approvals).
 */
function accessLimits(contributing, rules) {
    const out = {};
    for (const { policy, rule } of contributing) {
        if (rule.maxExtensions !== undefined &&
            (!out.maxExtensions || rule.maxExtensions < out.maxExtensions.count))
            out.maxExtensions = { count: rule.maxExtensions, policy: policy.name };
        if (rule.maxHoursPer30d)
            (out.hourCaps ??= []).push({
                hours: rule.maxHoursPer30d.hours,
                by: rule.maxHoursPer30d.by,
                policy: policy.name,
            });
    }
    const glass = contributing.filter((c) => c.rule.breakGlass);
    if (glass.length === 0)
        return out;
    const reviewRules = glass.map(({ policy, rule }) => ({
        from: rule.breakGlass.reviewers,
        count: 1,
        policies: [policy.name],
    }));
    if (glass.length < contributing.length) {
        // Another matching policy is not break-glass: its approvals apply before merge, and so do
        // the break-glass reviewers (never less than either policy asks for).
        rules.push(...reviewRules);
        return out;
    }
    let shortest = glass[0];
    for (const g of glass)
        if (g.rule.breakGlass.reviewWithinMs < shortest.rule.breakGlass.reviewWithinMs)
            shortest = g;
    out.breakGlass = {
        reviewWithinMs: shortest.rule.breakGlass.reviewWithinMs,
        reviewWithin: shortest.rule.breakGlass.reviewWithin,
        policies: glass.map((g) => g.policy.name),
        rules: mergeRules(reviewRules),
    };
    return out;
}
function checkRequirements(grant, policies, out) {
    const seen = new Set();
    for (const policy of policies) {
        if (seen.has(policy.name))
            continue;
        seen.add(policy.name);
        const req = policy.require;
        if (req.reason && grant.reason.replace(/\s+/g, '').length < REQUIRED_REASON_MIN) {
            out.push((0,errors/* diag */.sm)('reason-required', `policy "${policy.name}" requires a reason of at least ${REQUIRED_REASON_MIN} characters`, grant.source, ['reason']));
        }
        if (req.ticket !== undefined) {
            const pattern = new RegExp(req.ticket);
            if (grant.ticket === undefined) {
                out.push((0,errors/* diag */.sm)('ticket-invalid', `policy "${policy.name}" requires a ticket matching ${req.ticket}`, grant.source, []));
            }
            else if (!pattern.test(grant.ticket)) {
                out.push((0,errors/* diag */.sm)('ticket-invalid', `ticket "${grant.ticket}" does not match ${req.ticket}, required by policy "${policy.name}"`, grant.source, ['ticket']));
            }
        }
    }
}


/***/ }),

/***/ 2526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X3: () => (/* binding */ checkHistory),
/* harmony export */   _M: () => (/* binding */ continueWindow),
/* harmony export */   q9: () => (/* binding */ needsHistory)
/* harmony export */ });
/* unused harmony exports DAYS_30_MS, requestWindow, maxRollingTotalMs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4146);
/**
 * Extensions and repeat-access caps (docs/extension.md). Pure: the history of grants (read from
 * git by an adapter) and the instant of the decision are arguments.
 *
 *   - A grant with `extends: ID` continues grant ID WITHOUT A GAP: when it lands before ID's
 *     window ends, its window starts at that end (end = old end + its duration). Landing at or
 *     after the old end is not an extension (`extension-invalid`).
 *   - It must have the same requester and access, and resources among ID's resolved resources.
 *   - `max_extensions: N`: an original grant is chain 0, its extension chain 1, an extension of
 *     that chain 2…; a request whose chain would exceed the smallest N is `extension-limit`.
 *   - `max_hours_per_30d: { hours, by }`: the hours granted to one person at the same access
 *     level, per value of the `by` tags of the resources, in any rolling 30 days, with this
 *     request counted, may not exceed `hours` (`extension-limit`). It applies to every request
 *     at that level, extension or not: otherwise a new request would get around it.
 */



const DAYS_30_MS = 30 * 24 * 3_600_000;
const HOUR_MS = 3_600_000;
/** The window of an extension that lands at `landedAt` after a grant ending at `prior.endMs`. */
function continueWindow(prior, landedAt, durationMs) {
    if (landedAt >= prior.endMs) {
        return {
            ok: false,
            reason: `the window of ${prior.id ?? 'the extended grant'} ended at ${new Date(prior.endMs).toISOString()}, before this request landed: an extension must land while the old window is active (request a new grant instead)`,
        };
    }
    return { ok: true, startMs: prior.endMs, endMs: prior.endMs + durationMs };
}
/** Does this decision need history (an extension, or an hours cap)? */
function needsHistory(decision) {
    return decision.grant.extends !== undefined || (decision.hourCaps?.length ?? 0) > 0;
}
/** The request's own window under the facts: continued for a valid extension, else from `atMs`. */
function requestWindow(decision, facts) {
    const d = decision.durationMs ?? 0;
    if (decision.grant.extends !== undefined && facts.extended) {
        const c = continueWindow(facts.extended, facts.atMs, d);
        if (c.ok)
            return c;
    }
    return { startMs: facts.atMs, endMs: facts.atMs + d };
}
/** Every `extension-invalid` and `extension-limit` error of a decided request. */
function checkHistory(decision, facts) {
    const grant = decision.grant;
    const src = grant.source;
    const out = [];
    if (facts.unavailable !== undefined) {
        if (grant.extends !== undefined)
            out.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('extension-invalid', `cannot check extends: ${facts.unavailable}`, src, ['extends']));
        else if (decision.hourCaps?.length)
            out.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('extension-limit', `cannot check max_hours_per_30d: ${facts.unavailable}`, src, ['duration']));
        return out;
    }
    if (grant.extends !== undefined)
        out.push(...checkExtension(decision, facts));
    if (decision.hourCaps?.length)
        out.push(...checkHourCaps(decision, facts));
    return out;
}
function checkExtension(decision, facts) {
    const grant = decision.grant;
    const src = grant.source;
    const id = grant.extends;
    const prior = facts.extended;
    const bad = (message, path = ['extends']) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('extension-invalid', message, src, path);
    if (!prior)
        return [bad(`extends ${id}: there is no grant ${id} on the default branch`)];
    if (prior.id === grant.id)
        return [bad(`extends ${id}: a grant cannot extend itself`)];
    const out = [];
    if ((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .loginKey */ .H$)(prior.requester) !== (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .loginKey */ .H$)(grant.requester))
        out.push(bad(`extends ${id}: ${id} is ${prior.requester}'s grant, not ${grant.requester}'s: only the same person can extend it`, ['requester']));
    if (prior.access !== grant.access)
        out.push(bad(`extends ${id}: ${id} grants ${prior.access}, not ${grant.access}: an extension keeps the access level`, ['access']));
    const had = new Set(prior.resources);
    const extra = decision.resources.map((r) => r.id).filter((r) => !had.has(r));
    if (extra.length)
        out.push(bad(`extends ${id}: ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not among the resources of ${id} (${prior.resources.join(', ') || 'none'}): an extension may only keep or narrow them`, ['resources']));
    const c = continueWindow(prior, facts.atMs, decision.durationMs ?? 0);
    if (!c.ok)
        out.push(bad(`extends ${id}: ${c.reason}`));
    const limit = decision.maxExtensions;
    const chain = prior.chain + 1;
    if (limit && chain > limit.count)
        out.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('extension-limit', limit.count === 0
            ? `policy "${limit.policy}" allows no extensions of ${grant.access}: request a new grant`
            : `this would be extension ${chain} of the same original grant; policy "${limit.policy}" allows at most ${limit.count} for ${grant.access}: request a new grant`, src, ['extends']));
    return out;
}
/** The bucket of each resource for a cap: the values of its `by` tags (a missing tag is ""). */
function bucketsOf(resources, by, tagsOf) {
    const out = new Set();
    for (const id of resources) {
        const tags = tagsOf?.(id) ?? {};
        out.add(JSON.stringify(by.map((k) => (Object.hasOwn(tags, k) ? tags[k] : ''))));
    }
    return out;
}
const overlap = (aStart, aEnd, bStart, bEnd) => Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
/**
 * The largest total of hours in any 30-day interval that overlaps `own`, over `windows` plus
 * `own`. The total is piecewise linear in the interval's start, so its maximum is at a start
 * where an interval edge meets a window edge.
 */
function maxRollingTotalMs(own, windows, spanMs = DAYS_30_MS) {
    const all = [...windows, own];
    const lo = own.startMs - spanMs;
    const hi = own.endMs;
    const starts = new Set();
    for (const w of all)
        for (const t of [w.startMs, w.endMs, w.startMs - spanMs, w.endMs - spanMs])
            if (t > lo && t < hi)
                starts.add(t);
    let best = 0;
    for (const t of starts) {
        let total = 0;
        for (const w of all)
            total += overlap(w.startMs, w.endMs, t, t + spanMs);
        best = Math.max(best, total);
    }
    return best;
}
function checkHourCaps(decision, facts) {
    const grant = decision.grant;
    const own = requestWindow(decision, facts);
    const out = [];
    const mine = (facts.windows ?? []).filter((w) => (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .loginKey */ .H$)(w.person) === (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .loginKey */ .H$)(grant.requester) && w.access === grant.access && w.file !== grant.file);
    const ids = decision.resources.map((r) => r.id);
    for (const cap of decision.hourCaps ?? []) {
        for (const bucket of bucketsOf(ids, cap.by, facts.tagsOf)) {
            const same = mine.filter((w) => bucketsOf(w.resources, cap.by, facts.tagsOf).has(bucket));
            const total = maxRollingTotalMs(own, same);
            if (total <= cap.hours * HOUR_MS)
                continue;
            const values = JSON.parse(bucket)
                .map((v, i) => `${cap.by[i]}=${v || '(none)'}`)
                .join(', ');
            out.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('extension-limit', `${grant.requester} would hold ${grant.access} on ${values} for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(total)} within 30 days with this request; policy "${cap.policy}" allows at most ${cap.hours}h (max_hours_per_30d)`, grant.source, ['duration']));
        }
    }
    return out;
}


/***/ }),

/***/ 4146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H$: () => (/* binding */ loginKey),
/* harmony export */   a$: () => (/* binding */ DEFAULT_SETTINGS),
/* harmony export */   wh: () => (/* binding */ BREAK_GLASS_MAX_DURATION_MS)
/* harmony export */ });
/* unused harmony export sameLogin */
/** Break-glass maximum durations are short: at most this (4 hours). */
const BREAK_GLASS_MAX_DURATION_MS = 4 * 3_600_000;
const DEFAULT_SETTINGS = {
    admins: { from: ['group:security'], count: 2 },
    revocation: { mode: 'pull-request' },
};
/** GitHub logins are case-insensitive. */
function loginKey(login) {
    return login.toLowerCase();
}
function sameLogin(a, b) {
    return loginKey(a) === loginKey(b);
}


/***/ }),

/***/ 372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ prepare)
});

// EXTERNAL MODULE: ./src/core/selector.ts
var selector = __webpack_require__(7442);
;// CONCATENATED MODULE: ./src/core/inventory.ts

class Inventory {
    resources;
    byId = new Map();
    index = new Map();
    withKey = new Map();
    constructor(resources) {
        this.resources = resources;
        resources.forEach((r, i) => {
            this.byId.set(r.id, r);
            for (const [key, value] of Object.entries(r.tags)) {
                let values = this.index.get(key);
                if (!values)
                    this.index.set(key, (values = new Map()));
                let list = values.get(value);
                if (!list)
                    values.set(value, (list = []));
                list.push(i);
                let all = this.withKey.get(key);
                if (!all)
                    this.withKey.set(key, (all = []));
                all.push(i);
            }
        });
    }
    get(id) {
        return this.byId.get(id);
    }
    /**
     * The position lists (one per tag value) of resources whose `key` tag matches one of
     * `patterns`; globs expand over the key's distinct values. Lists of different values are
     * disjoint, so their total length is the candidate count, computed without copying.
     */
    bucketsFor(key, patterns) {
        const values = this.index.get(key);
        if (!values)
            return [];
        const found = new Set();
        for (const pattern of patterns) {
            if ((0,selector/* isGlob */.fg)(pattern)) {
                for (const [value, list] of values)
                    if ((0,selector/* valueMatches */.Jn)(pattern, value))
                        found.add(list);
            }
            else {
                const list = values.get(pattern);
                if (list)
                    found.add(list);
            }
        }
        return [...found];
    }
    /** Resources matching `sel`, in inventory order. An empty selector matches nothing. */
    select(sel) {
        if ((0,selector/* isEmptySelector */.xh)(sel))
            return [];
        // Pick the narrowing condition with the fewest candidates; the reference matcher then
        // checks every condition on just those candidates.
        let best;
        let bestSize = Infinity;
        const consider = (lists) => {
            const size = lists.reduce((n, l) => n + l.length, 0);
            if (size < bestSize) {
                best = lists;
                bestSize = size;
            }
        };
        for (const [key, want] of Object.entries(sel.match ?? {}))
            consider(this.bucketsFor(key, typeof want === 'string' ? [want] : want));
        for (const expr of sel.expressions ?? []) {
            if (expr.operator === 'In')
                consider(this.bucketsFor(expr.key, expr.values ?? []));
            else if (expr.operator === 'Exists')
                consider([this.withKey.get(expr.key) ?? []]);
        }
        let candidates;
        if (!best)
            candidates = this.resources.keys();
        else if (best.length === 1)
            candidates = best[0];
        else
            candidates = best.flat().sort((a, b) => a - b);
        const out = [];
        for (const i of candidates) {
            const r = this.resources[i];
            if ((0,selector/* selectorMatches */.de)(sel, r.tags))
                out.push(r);
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/core/prepared.ts
/**
 * A snapshot prepared for many decisions: the tag-indexed inventory and, per resource, the
 * policies whose selectors match it (computed once per policy through the index).
 */

const NONE = { all: [], allow: [], deny: [], allowNames: [], denyNames: [] };
function prepare(snapshot) {
    const inventory = new Inventory(snapshot.resources);
    const matches = new Map();
    for (const policy of snapshot.policies) {
        for (const r of inventory.select(policy.resources)) {
            let list = matches.get(r.id);
            if (!list)
                matches.set(r.id, (list = []));
            list.push(policy);
        }
    }
    const split = new Map();
    for (const [id, all] of matches) {
        const allow = all.filter((p) => p.effect === 'allow');
        const deny = all.filter((p) => p.effect === 'deny');
        split.set(id, {
            all,
            allow,
            deny,
            allowNames: allow.map((p) => p.name),
            denyNames: deny.map((p) => p.name),
        });
    }
    return {
        snapshot,
        inventory,
        policiesFor: (id) => matches.get(id) ?? [],
        matchingPolicies: (id) => split.get(id) ?? NONE,
        directory: { people: snapshot.people, groups: snapshot.groups, teams: new Map() },
    };
}


/***/ }),

/***/ 1496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ principalMatches),
/* harmony export */   aV: () => (/* binding */ teamsNamed),
/* harmony export */   np: () => (/* binding */ expandPrincipal),
/* harmony export */   rq: () => (/* binding */ teamKey),
/* harmony export */   wC: () => (/* binding */ describePrincipal)
/* harmony export */ });
/* unused harmony export emptyDirectory */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4146);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7442);
/**
 * Principal selectors: who a rule is about. Used for requesters (policy eligibility) and for
 * approvers (approval slots).
 *
 *   alice            a login (case-insensitive)
 *   group:sre        a group defined in policies/ (`groups:`)
 *   @acme/sre        a GitHub team; members come from the facts (active memberships only)
 *   { tags: {...} }  people (policies/ `people:`) whose tags match
 *   { same_tags: [team] }  requester only: the person's KEY values include the resource's KEY value
 */


function emptyDirectory() {
    return { people: new Map(), groups: new Map(), teams: new Map() };
}
function teamKey(selector) {
    return selector.replace(/^@/, '').toLowerCase();
}
function describePrincipal(sel) {
    if (typeof sel === 'string')
        return sel;
    if ('tags' in sel) {
        return `people with ${Object.entries(sel.tags)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join('|')}`)
            .join(', ')}`;
    }
    return `same ${sel.same_tags.join(', ')} as the resource`;
}
function personTagsMatch(person, want) {
    if (!person)
        return false;
    const entries = Object.entries(want);
    if (entries.length === 0)
        return false; // an empty selector matches nobody
    return entries.every(([key, value]) => {
        const have = Object.hasOwn(person.tags, key) ? person.tags[key] : undefined;
        return have !== undefined && (0,_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .matchValueAccepts */ .Yj)(value, have);
    });
}
function sameTags(person, keys, resourceTags) {
    if (!person || !resourceTags || keys.length === 0)
        return false;
    return keys.every((key) => {
        const want = Object.hasOwn(resourceTags, key) ? resourceTags[key] : undefined;
        const have = Object.hasOwn(person.tags, key) ? person.tags[key] : undefined;
        return want !== undefined && have !== undefined && have.includes(want);
    });
}
/**
 * Does `login` satisfy `sel`? `resourceTags` is needed for `same_tags` only; without it
 * `same_tags` matches nobody (fail closed).
 */
function principalMatches(sel, login, dir, resourceTags) {
    const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .loginKey */ .H$)(login);
    if (typeof sel === 'string') {
        if (sel.startsWith('group:')) {
            const members = dir.groups.get(sel.slice('group:'.length));
            return !!members && members.some((m) => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .loginKey */ .H$)(m) === key);
        }
        if (sel.startsWith('@')) {
            const members = dir.teams.get(teamKey(sel));
            return !!members && members.some((m) => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .loginKey */ .H$)(m) === key);
        }
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .loginKey */ .H$)(sel) === key;
    }
    const person = dir.people.get(key);
    if ('tags' in sel)
        return personTagsMatch(person, sel.tags);
    return sameTags(person, sel.same_tags, resourceTags);
}
/**
 * Everyone known to match `sel` (for "who can approve" listings). Team members come from
 * the directory; tag selectors range over `people:`.
 */
function expandPrincipal(sel, dir, resourceTags) {
    if (typeof sel === 'string') {
        if (sel.startsWith('group:'))
            return [...(dir.groups.get(sel.slice('group:'.length)) ?? [])];
        if (sel.startsWith('@'))
            return [...(dir.teams.get(teamKey(sel)) ?? [])];
        return [sel];
    }
    return [...dir.people.values()]
        .filter((p) => principalMatches(sel, p.login, dir, resourceTags))
        .map((p) => p.login);
}
/** Team selectors named anywhere in a list (so adapters can fetch exactly those memberships). */
function teamsNamed(selectors) {
    return selectors.filter((s) => typeof s === 'string' && s.startsWith('@')).map(teamKey);
}


/***/ }),

/***/ 2183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ resolveResources)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7442);
/**
 * Resolution of a grant's `resources` list: each id must exist, each selector must match at
 * least one resource; the resolved set is the union, ordered by id (what reviewers see).
 */


function resolveResources(grant, inventory) {
    const found = new Map();
    const origin = new Map();
    const add = (r, i) => {
        found.set(r.id, r);
        if (!origin.has(r.id))
            origin.set(r.id, i);
    };
    const diagnostics = [];
    grant.resources.forEach((ref, i) => {
        if (typeof ref === 'string') {
            const r = inventory.get(ref);
            if (r)
                add(r, i);
            else
                diagnostics.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('unknown-resource', `unknown resource "${ref}": no resource with this id in policies/`, grant.source, ['resources', i]));
            return;
        }
        const matched = inventory.select(ref);
        if (matched.length === 0) {
            diagnostics.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('selector-matches-nothing', `selector {${(0,_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSelector */ .r5)(ref)}} matches no resource`, grant.source, ['resources', i, 'match']));
        }
        for (const r of matched)
            add(r, i);
    });
    const resources = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { resources, origin, diagnostics };
}


/***/ }),

/***/ 7442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jn: () => (/* binding */ valueMatches),
/* harmony export */   Yj: () => (/* binding */ matchValueAccepts),
/* harmony export */   de: () => (/* binding */ selectorMatches),
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   r5: () => (/* binding */ describeSelector),
/* harmony export */   xh: () => (/* binding */ isEmptySelector)
/* harmony export */ });
/* unused harmony exports globToRegExp, expressionHolds */
const globCache = new Map();
function isGlob(pattern) {
    return pattern.includes('*') || pattern.includes('?');
}
/** `*` matches any run of characters, `?` exactly one; everything else is literal; case-sensitive. */
function globToRegExp(pattern) {
    let re = globCache.get(pattern);
    if (!re) {
        const body = Array.from(pattern)
            .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
            .join('');
        re = new RegExp(`^${body}$`, 's');
        globCache.set(pattern, re);
    }
    return re;
}
function valueMatches(pattern, value) {
    return isGlob(pattern) ? globToRegExp(pattern).test(value) : pattern === value;
}
/** Does one `match` value accept any of the given tag values? */
function matchValueAccepts(want, have) {
    const patterns = typeof want === 'string' ? [want] : want;
    return patterns.some((p) => have.some((v) => valueMatches(p, v)));
}
function expressionHolds(expr, value) {
    switch (expr.operator) {
        case 'Exists':
            return value !== undefined;
        case 'DoesNotExist':
            return value === undefined;
        case 'In':
            return value !== undefined && (expr.values ?? []).includes(value);
        case 'NotIn':
            // Kubernetes semantics: a missing key satisfies NotIn.
            return value === undefined || !(expr.values ?? []).includes(value);
    }
}
function isEmptySelector(sel) {
    return Object.keys(sel.match ?? {}).length === 0 && (sel.expressions ?? []).length === 0;
}
const compiled = new WeakMap();
/**
 * A tag's value. Tag values are strings, and nothing a plain object inherits (`constructor`,
 * `toString`, `__proto__`) is a string, so a type check alone keeps inherited keys out.
 */
function tagValue(tags, key) {
    const v = tags[key];
    return typeof v === 'string' ? v : undefined;
}
/**
 * A selector compiled once into a list of per-key tests (selectors come from policies and grant
 * files and are matched against many resources, so their entries are not re-read every time).
 */
function compile(sel) {
    if (isEmptySelector(sel))
        return () => false;
    const tests = [];
    for (const [key, want] of Object.entries(sel.match ?? {})) {
        const patterns = typeof want === 'string' ? [want] : [...want];
        if (patterns.some(isGlob)) {
            const res = patterns.map((p) => (isGlob(p) ? globToRegExp(p) : null));
            tests.push((tags) => {
                const have = tagValue(tags, key);
                return have !== undefined && patterns.some((p, i) => (res[i] ? res[i].test(have) : p === have));
            });
        }
        else if (patterns.length === 1) {
            const only = patterns[0];
            tests.push((tags) => tagValue(tags, key) === only);
        }
        else {
            tests.push((tags) => {
                const have = tagValue(tags, key);
                return have !== undefined && patterns.includes(have);
            });
        }
    }
    for (const expr of sel.expressions ?? [])
        tests.push((tags) => expressionHolds(expr, tagValue(tags, expr.key)));
    return (tags) => {
        for (const t of tests)
            if (!t(tags))
                return false;
        return true;
    };
}
/** Reference matcher over one tag set (the index in inventory.ts must agree with it). */
function selectorMatches(sel, tags) {
    let m = compiled.get(sel);
    if (!m)
        compiled.set(sel, (m = compile(sel)));
    return m(tags);
}
function describeSelector(sel) {
    const parts = [];
    for (const [k, v] of Object.entries(sel.match ?? {})) {
        parts.push(typeof v === 'string' ? `${k}=${v}` : `${k} in [${v.join(', ')}]`);
    }
    for (const e of sel.expressions ?? []) {
        parts.push(e.operator === 'Exists' || e.operator === 'DoesNotExist'
            ? `${e.key} ${e.operator}`
            : `${e.key} ${e.operator} [${(e.values ?? []).join(', ')}]`);
    }
    return parts.length ? parts.join(', ') : '(empty: matches nothing)';
}


/***/ }),

/***/ 1407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ teamsNeededFor)
/* harmony export */ });
/* unused harmony export teamsNeeded */
/* harmony import */ var _codeowners_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(774);
/* harmony import */ var _principals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1496);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2183);
/**
 * The GitHub teams a decision may need the members of: teams named as requesters or approvers
 * in the policies that apply, as admins in settings, and as code owners of the given paths. The
 * adapter reads exactly these (once each), so API cost follows the policies, not the number of
 * reviews — and a team no request touches is never read (an unreadable team blocks only the
 * requests that depend on it).
 */



function teamsOfPolicies(policies, into) {
    for (const p of policies) {
        (0,_principals_js__WEBPACK_IMPORTED_MODULE_0__/* .teamsNamed */ .aV)(p.requesters).forEach((t) => into.add(t));
        for (const rule of Object.values(p.access)) {
            for (const a of rule.approvals)
                if (a.from !== 'codeowners')
                    (0,_principals_js__WEBPACK_IMPORTED_MODULE_0__/* .teamsNamed */ .aV)(a.from).forEach((t) => into.add(t));
        }
    }
}
function teamsOfOwners(codeowners, paths, into) {
    if (!codeowners)
        return;
    for (const path of paths) {
        for (const owner of (0,_codeowners_js__WEBPACK_IMPORTED_MODULE_2__/* .ownersOf */ .K2)(codeowners, path)?.owners ?? [])
            if (owner.startsWith('@') && owner.includes('/'))
                into.add((0,_principals_js__WEBPACK_IMPORTED_MODULE_0__/* .teamKey */ .rq)(owner));
    }
}
/** Teams for a policy change: the admins rule (and every team any policy names). */
function teamsNeeded(snapshot, codeowners, paths) {
    const teams = new Set();
    teamsOfPolicies(snapshot.policies, teams);
    if (snapshot.settings.admins.from !== 'codeowners')
        teamsNamed(snapshot.settings.admins.from).forEach((t) => teams.add(t));
    teamsOfOwners(codeowners, paths, teams);
    return [...teams].sort();
}
/** Teams for deciding these requests: only the policies that match their resources. */
function teamsNeededFor(prepared, codeowners, grants) {
    const teams = new Set();
    const policies = new Set();
    for (const g of grants)
        for (const r of (0,_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveResources */ .k)(g, prepared.inventory).resources)
            prepared.policiesFor(r.id).forEach((p) => policies.add(p));
    teamsOfPolicies(policies, teams);
    teamsOfOwners(codeowners, grants.map((g) => g.file), teams);
    return [...teams].sort();
}


/***/ }),

/***/ 528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cu: () => (/* binding */ blobsAt),
/* harmony export */   jW: () => (/* binding */ pathEvents),
/* harmony export */   u2: () => (/* binding */ commitMessages)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3073);
/**
 * Git history for the audit trail, read in a few git processes whatever its length:
 *   - one `git log` of first-parent changes under grants/ and policies/ (with committer times);
 *   - one `git log --no-walk --stdin` for the messages of the commits that matter;
 *   - one `git cat-file --batch` for the grant files' contents at their landing commits.
 */


const RECORD = '\u001e';
const FIELD = '\u001f';
/** First-parent add/delete/modify events under `paths`, oldest first. */
async function pathEvents(repoDir, rev, paths) {
    const out = await (0,_run_js__WEBPACK_IMPORTED_MODULE_1__/* .git */ .$)(repoDir, [
        'log',
        '--first-parent',
        '--diff-merges=first-parent',
        '--reverse',
        '--no-renames',
        `--format=${RECORD}%H %ct`,
        '--name-status',
        '-z',
        rev,
        '--',
        ...paths,
    ]);
    const events = [];
    for (const chunk of out.split(RECORD)) {
        if (!chunk.trim())
            continue;
        const [header, ...rest] = chunk.split('\0');
        const [commit, seconds] = header.trim().split(' ');
        for (let i = 0; i + 1 < rest.length; i += 2) {
            const status = rest[i].trim().charAt(0);
            if (status === 'A' || status === 'D' || status === 'M')
                events.push({ commit: commit, time: Number(seconds) * 1000, status, path: rest[i + 1] });
        }
    }
    return events;
}
async function messagesWithParents(repoDir, commits) {
    const out = new Map();
    if (commits.length === 0)
        return out;
    const text = await run(repoDir, ['log', '--no-walk=unsorted', '--stdin', `--format=%H${FIELD}%P${FIELD}%B${RECORD}`], commits.join('\n') + '\n');
    for (const rec of text.toString('utf8').split(RECORD)) {
        const [sha, parents, message] = rec.split(FIELD);
        if (message === undefined)
            continue;
        out.set(sha.trim(), { parents: parents.trim().split(' ').filter(Boolean), message });
    }
    return out;
}
/**
 * Full messages of the given commits. For a merge commit, the message of the merged branch's
 * tip follows its own: a revocation pull request merged with a merge commit keeps its record
 * (the list of grants and approvers) in the branch commit, not in GitHub's merge message.
 */
async function commitMessages(repoDir, commits) {
    const own = await messagesWithParents(repoDir, commits);
    const merged = await messagesWithParents(repoDir, [
        ...new Set([...own.values()].flatMap((c) => (c.parents.length > 1 ? [c.parents[1]] : []))),
    ]);
    const out = new Map();
    for (const [sha, c] of own) {
        const branch = c.parents.length > 1 ? merged.get(c.parents[1])?.message : undefined;
        out.set(sha, branch ? `${c.message}\n${branch}` : c.message);
    }
    return out;
}
/** Contents of `commit:path` objects, in one `git cat-file --batch`; missing objects are absent. */
async function blobsAt(repoDir, specs) {
    const out = new Map();
    if (specs.length === 0)
        return out;
    const buf = await run(repoDir, ['cat-file', '--batch'], specs.join('\n') + '\n');
    let pos = 0;
    for (const spec of specs) {
        const nl = buf.indexOf(0x0a, pos);
        if (nl < 0)
            break;
        const header = buf.subarray(pos, nl).toString('utf8');
        pos = nl + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous'))
            continue;
        const size = Number(header.split(' ')[2]);
        out.set(spec, new Uint8Array(buf.subarray(pos, pos + size)));
        pos += size + 1;
    }
    return out;
}
function run(repoDir, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['-C', repoDir, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        const errs = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => errs.push(c));
        child.on('error', reject);
        child.on('close', (code) => code === 0
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`git ${args[0]} failed: ${Buffer.concat(errs).toString('utf8').trim()}`)));
        child.stdin.end(input);
    });
}


/***/ }),

/***/ 591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ landingTimes),
/* harmony export */   ik: () => (/* binding */ grantEvents)
/* harmony export */ });
/* unused harmony export landingsFrom */
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(528);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3073);
/**
 * Landing times from git history: for each grant file present at REV, the committer time of
 * the commit that (last) added it on REV's first-parent history. That is where its window
 * starts (DESIGN.md §4). Merge commits are diffed against their first parent, so a PR merge
 * lands its files at the merge commit, not at the PR's own commits.
 */


/**
 * Add/delete/modify events of files under grants/ on REV's first-parent history, oldest first.
 * REV may be a range `BEFORE..AFTER` (the commits of one push).
 */
async function grantEvents(repoDir, rev = 'HEAD') {
    if (rev.startsWith('-'))
        throw new Error(`not a revision: ${rev}`);
    return (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .pathEvents */ .jW)(repoDir, rev, ['grants/']).catch(async (e) => {
        // A repository with no commits yet has no history: nothing has landed. Any other bad
        // revision is the caller's mistake and is reported.
        const empty = await (0,_run_js__WEBPACK_IMPORTED_MODULE_1__/* .git */ .$)(repoDir, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(() => false, () => true);
        if (empty && rev === 'HEAD')
            return [];
        throw e;
    });
}
/** Current landing of each file: the last add not followed by a delete. */
function landingsFrom(events) {
    const landed = new Map();
    for (const e of events) {
        if (e.status === 'A')
            landed.set(e.path, { commit: e.commit, time: e.time });
        else if (e.status === 'D')
            landed.delete(e.path);
    }
    return landed;
}
async function landingTimes(repoDir, rev = 'HEAD') {
    return landingsFrom(await grantEvents(repoDir, rev));
}


/***/ }),

/***/ 3073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ git)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/** Run git without a shell; arguments are passed as an array, never interpolated. */


function git(repoDir, args, maxBuffer = 512 * 1024 * 1024) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['-C', repoDir, ...args], { maxBuffer, encoding: 'utf8' }, (err, stdout, stderr) => {
            if (err)
                reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`git ${args[0]} failed in ${repoDir}: ${(stderr || err.message).trim()}`));
            else
                resolve(stdout);
        });
    });
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UU: () => (/* binding */ createClient)
/* harmony export */ });
/* unused harmony exports isNonIdempotentPost, RequestTimeoutError, fetchWithTimeout */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
/**
 * The one factory for GitHub API clients: `@actions/github` (base URL from GITHUB_API_URL, as
 * on any runner) with @octokit/plugin-retry and @octokit/plugin-throttling.
 *
 * - Every attempt has its own timeout (`timeoutMs`, default GITGRANT_API_TIMEOUT_MS or 30 s):
 *   the whole answer, headers and body, must arrive within it. A timed-out attempt is retried
 *   like a network error; the last one ends in "no answer within N ms" naming the request.
 * - 5xx, network errors and timeouts are retried with backoff; rate limits (429, primary and
 *   secondary 403) wait for `retry-after` / the reset time, a bounded number of times.
 * - A POST that creates something (comment, issue, pull request, review request) is never
 *   retried blindly: a 502 or a timeout may have created it, and a retry would duplicate it.
 *   Callers make those idempotent themselves (find-then-create by marker) and rerun converges.
 *   A 429 or a rate-limit 403 says the request was NOT processed: those are waited out and
 *   retried (at most `rateLimitRetries` times), as for any other request.
 * - A 403 "Resource not accessible by integration" becomes a PermissionError naming the
 *   permission the token lacks (GitHub sends it in `x-accepted-github-permissions`).
 */




/**
 * POST routes that create a new object each time they are called. The request hook sees the
 * route template (`/repos/{owner}/{repo}/issues/{issue_number}/comments`), not the expanded
 * URL, so a number may also be a `{placeholder}`.
 */
const N = String.raw `(?:\d+|\{\w+\})`;
const NON_IDEMPOTENT_POST = [
    new RegExp(String.raw `/issues/${N}/comments$`),
    /\/repos\/[^/]+\/[^/]+\/issues$/,
    /\/repos\/[^/]+\/[^/]+\/pulls$/,
    new RegExp(String.raw `/pulls/${N}/requested_reviewers$`),
    new RegExp(String.raw `/pulls/${N}/reviews$`),
];
function isNonIdempotentPost(method, url) {
    const path = url.split('?')[0] ?? url;
    return method.toUpperCase() === 'POST' && NON_IDEMPOTENT_POST.some((re) => re.test(path));
}
function envNumber(name) {
    const v = process.env[name];
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
/** What an attempt that got no complete answer in time fails with (the `cause` of the RequestError). */
class RequestTimeoutError extends Error {
    timeoutMs;
    constructor(timeoutMs) {
        super(`no answer within ${timeoutMs} ms`);
        this.timeoutMs = timeoutMs;
        this.name = 'RequestTimeoutError';
    }
}
/** Statuses whose Response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * `fetchImpl` (the runner's proxy-aware fetch of @actions/github) with a timeout per call, i.e.
 * per attempt: octokit calls fetch again for each retry. The body is read inside the timeout
 * and handed on buffered: octokit reads JSON bodies with `.catch(() => "")`, so a body cut off
 * by an abort would otherwise pass as empty data. The caller's own signal (`request.signal`)
 * still aborts as before. A timeout rejects with RequestTimeoutError, which octokit wraps as a
 * RequestError (status 500): retried like a network error, unless the request is a creating POST.
 */
function fetchWithTimeout(fetchImpl, timeoutMs) {
    return async (input, init = {}) => {
        const timer = new AbortController();
        const t = setTimeout(() => timer.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
        const signal = init.signal ? AbortSignal.any([timer.signal, init.signal]) : timer.signal;
        try {
            const res = await fetchImpl(input, { ...init, signal });
            const body = NULL_BODY.has(res.status) ? null : await res.arrayBuffer();
            const out = new Response(body, {
                status: res.status,
                statusText: res.statusText,
                headers: res.headers,
            });
            Object.defineProperty(out, 'url', { value: res.url });
            return out;
        }
        catch (error) {
            // Our timer aborted first (AbortSignal.any keeps the first reason): say so, whatever
            // shape the abort took on its way out of fetch or the body stream.
            if (timer.signal.aborted && signal.reason === timer.signal.reason)
                throw timer.signal.reason;
            throw error;
        }
        finally {
            clearTimeout(t);
        }
    };
}
/**
 * Seconds to wait before retrying a 429 that the throttling plugin leaves alone: GitHub's own
 * rate limits (a `secondary rate limit` message, or `x-ratelimit-remaining: 0`) are the plugin's,
 * which already waited them out as often as allowed. `undefined`: not such a 429.
 */
function plain429RetryAfter(error) {
    const e = error;
    if (e?.status !== 429)
        return undefined;
    const headers = e.response?.headers ?? {};
    if (/\bsecondary rate\b/i.test(String(e.message ?? '')) || String(headers['x-ratelimit-remaining']) === '0')
        return undefined;
    const after = String(headers['retry-after'] ?? '').trim();
    if (/^\d+$/.test(after))
        return Number(after);
    const at = Date.parse(after);
    if (!Number.isNaN(at))
        return Math.max(0, Math.ceil((at - Date.now()) / 1000));
    return 60; // GitHub: without retry-after, wait at least a minute
}
/**
 * The part of a Bottleneck group the throttling plugin uses (`key(id).schedule(options, task)`):
 * one job at a time per key, started at least `minTime` ms apart.
 */
class SpacedGroup {
    minTime;
    keys = new Map();
    constructor(minTime) {
        this.minTime = minTime;
    }
    key(id = '') {
        let q = this.keys.get(id);
        if (!q)
            this.keys.set(id, (q = new SpacedQueue(this.minTime)));
        return q;
    }
}
class SpacedQueue {
    minTime;
    tail = Promise.resolve();
    last = 0;
    constructor(minTime) {
        this.minTime = minTime;
    }
    schedule(_options, task, ...args) {
        const run = this.tail.then(async () => {
            const wait = this.last + this.minTime - Date.now();
            if (wait > 0)
                await new Promise((r) => setTimeout(r, wait));
            this.last = Date.now();
            return task(...args);
        });
        this.tail = run.catch(() => undefined);
        return run;
    }
}
/**
 * The spacing of writes. GitHub asks for at least 1 s between writes (3 s between writes that
 * notify people) and the throttling plugin enforces that by default. Tests against the loopback
 * fake set GITGRANT_THROTTLE_MIN_TIME_MS to space writes less; it is never set on a runner.
 */
function writeLimiters() {
    const ms = envNumber('GITGRANT_THROTTLE_MIN_TIME_MS');
    if (ms === undefined)
        return {};
    return {
        write: new SpacedGroup(ms),
        notifications: new SpacedGroup(ms),
    };
}
function createClient(token, opts = {}) {
    const log = opts.log ?? (() => undefined);
    const rateLimitRetries = opts.rateLimitRetries ?? 2;
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        log(`${kind} on ${options.method} ${options.url}: retry ${retryCount + 1} after ${retryAfter}s`);
        return retryCount < rateLimitRetries;
    };
    const timeoutMs = opts.timeoutMs ?? envNumber('GITGRANT_API_TIMEOUT_MS') ?? 30_000;
    // NOTE: no `request` option here: getOctokit merges options shallowly, and a `request` of our
    // own would replace @actions/github's proxy-aware fetch. The hooks below wrap it instead.
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        retry: {
            retries: opts.retries ?? 3,
            retryAfterBaseValue: opts.retryBaseMs ?? envNumber('GITGRANT_RETRY_BASE_MS') ?? 1000,
        },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            fallbackSecondaryRateRetryAfter: 60,
            ...writeLimiters(),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    // A creating POST: retry plugin off (a 5xx, a reset or a timeout may have created the
    // object). A plain 429 was not processed: wait for `retry-after`, then send it again. (The
    // throttling plugin already waits out GitHub's rate limits for every request, POSTs included.)
    // Registered before the hook below, so it runs inside it: each attempt here goes through the
    // throttling and retry plugins again, but the hook below runs once per call.
    octokit.hook.wrap('request', async (request, options) => {
        if (!isNonIdempotentPost(options.method, options.url))
            return request(options);
        options.request = { ...options.request, retries: 0 };
        const limited = onLimit('rate limit (429)');
        for (let retryCount = 0;; retryCount++) {
            try {
                return await request(options);
            }
            catch (error) {
                const after = plain429RetryAfter(error);
                if (after === undefined || !limited(after, options, octokit, retryCount))
                    throw error;
                await new Promise((r) => setTimeout(r, after * 1000));
            }
        }
    });
    // One timeout per attempt: wrap the fetch the request options carry (@actions/github's).
    if (timeoutMs > 0) {
        octokit.hook.before('request', (options) => {
            const request = options.request;
            const base = request?.fetch ?? globalThis.fetch;
            options.request = { ...options.request, fetch: fetchWithTimeout(base, timeoutMs) };
        });
    }
    octokit.hook.error('request', (error) => {
        throw _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PermissionError */ .i_.from(error) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRequestError */ .tM)(error);
    });
    return octokit;
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ PermissionError),
/* harmony export */   tM: () => (/* binding */ describeRequestError)
/* harmony export */ });
/* unused harmony export GitHubApiError */
/**
 * GitHub API errors turned into messages a person can act on. Nothing here retries: the
 * client's plugins did that already.
 */
/** GitHub App permission names, as written in a workflow's `permissions:` block. */
const WORKFLOW_NAMES = {
    pull_requests: 'pull-requests',
    statuses: 'statuses',
    contents: 'contents',
    issues: 'issues',
    members: 'members',
    administration: 'administration',
    checks: 'checks',
    metadata: 'metadata',
};
/** `METHOD /path` of a failed request: no host, no query (short enough for a status line). */
function where(e) {
    const url = e.request?.url ?? '';
    let path = url;
    try {
        // Decoded, so a person reads `git/refs/heads/main`, not `git/refs/heads%2Fmain` (a ref is
        // one URL parameter). Found by the fault-injection suite (test/fault/cases.ts, row R34).
        path = decodeURIComponent(new URL(url, 'http://api.invalid').pathname);
    }
    catch {
        // keep the url as it is
    }
    return `${e.request?.method ?? ''} ${path}`.trim();
}
class PermissionError extends Error {
    permission;
    status;
    constructor(message, permission, status = 403) {
        super(message);
        this.permission = permission;
        this.status = status;
        this.name = 'PermissionError';
    }
    static from(error) {
        const e = error;
        if (e?.status !== 403 ||
            !/Resource not accessible by (integration|personal access token)/i.test(e.message ?? ''))
            return null;
        const header = String(e.response?.headers?.['x-accepted-github-permissions'] ?? '');
        // e.g. "pull_requests=write; contents=read"  or  "issues=write,pull_requests=write"
        const wanted = header
            .split(/[;,]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => {
            const [name, level] = s.split('=');
            const note = name === 'members'
                ? ' (an organization permission: needs a GitHub App token, not GITHUB_TOKEN)'
                : '';
            return `${WORKFLOW_NAMES[name ?? ''] ?? name}: ${level ?? 'read'}${note}`;
        });
        const permission = wanted.length ? wanted.join(' or ') : 'unknown (GitHub did not say)';
        return new PermissionError(`the token lacks the permission ${permission} (for ${where(e)}): add it to the workflow's \`permissions:\` or to the GitHub App`, permission);
    }
}
class GitHubApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'GitHubApiError';
    }
}
/**
 * The timeout of an attempt (client.ts `RequestTimeoutError`, the cause octokit keeps when it
 * wraps a failed fetch in a RequestError), duck-typed: jest's VM modules may load another copy.
 */
function timeoutOf(e) {
    const cause = e?.cause;
    return cause?.name === 'RequestTimeoutError' && typeof cause.timeoutMs === 'number'
        ? cause.timeoutMs
        : undefined;
}
function describeRequestError(error) {
    if (error instanceof PermissionError)
        return error;
    const e = error;
    const timeoutMs = timeoutOf(e);
    // Not "failed with 500": octokit gives a failed fetch that status, GitHub never answered.
    if (timeoutMs !== undefined)
        return new GitHubApiError(`GitHub API ${where(e)} timed out: no answer within ${timeoutMs} ms`, undefined);
    if (typeof e?.status !== 'number')
        return error instanceof Error ? error : new Error(String(error));
    return new GitHubApiError(`GitHub API ${where(e)} failed with ${e.status}: ${e.message ?? ''}`.trim(), e.status);
}


/***/ }),

/***/ 6035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ readPullRequest),
/* harmony export */   c7: () => (/* binding */ HeadMovedError),
/* harmony export */   gs: () => (/* binding */ readPrFacts)
/* harmony export */ });
/* unused harmony exports PR_COMMITS_MAX, PR_FILES_MAX */
function user(u) {
    return u ? { login: u.login, id: u.id, ...(u.type ? { type: u.type } : {}) } : null;
}
async function readPullRequest(gh, ref, number) {
    const { data } = await gh.rest.pulls.get({ ...ref, pull_number: number });
    return {
        number: data.number,
        headSha: data.head.sha,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        author: user(data.user) ?? { login: 'ghost' },
        state: data.state,
        merged: !!data.merged,
        mergeCommitSha: data.merge_commit_sha ?? null,
        fromFork: data.head.repo?.full_name !== data.base.repo.full_name,
        changedFiles: data.changed_files,
        commits: data.commits,
        mergedAt: data.merged_at ?? null,
    };
}
/** GitHub lists at most this many commits of a pull request. */
const PR_COMMITS_MAX = 250;
/** GitHub lists at most this many files of a pull request. */
const PR_FILES_MAX = 3000;
/** The pull request's head moved while its facts were read: nothing read can be trusted as one snapshot. */
class HeadMovedError extends Error {
    constructor(from, to) {
        super(`the pull request's head moved from ${from.slice(0, 7)} to ${to.slice(0, 7)} while it was being checked; the run for the new head decides`);
        this.name = 'HeadMovedError';
    }
}
async function readPrFacts(gh, ref, pr) {
    const [files, reviews, commits] = await Promise.all([
        gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: pr.number, per_page: 100 }),
        gh.paginate(gh.rest.pulls.listReviews, { ...ref, pull_number: pr.number, per_page: 100 }),
        gh.paginate(gh.rest.pulls.listCommits, { ...ref, pull_number: pr.number, per_page: 100 }),
    ]);
    // The lists describe the pull request as it is now, not as of pr.headSha: if a push landed
    // while they were read, they may belong to a newer head. Refuse to decide on such a mix.
    const { data: now } = await gh.rest.pulls.get({ ...ref, pull_number: pr.number });
    if (now.head.sha !== pr.headSha)
        throw new HeadMovedError(pr.headSha, now.head.sha);
    const commitAuthors = [];
    for (const c of commits) {
        for (const u of [user(c.author), user(c.committer)]) {
            // GitHub's web-flow committer signs merges and web edits for everyone; it is not a person.
            if (u && u.login !== 'web-flow')
                commitAuthors.push(u);
        }
    }
    const facts = {
        number: pr.number,
        author: pr.author,
        head_sha: pr.headSha,
        changed_files: files.map((f) => ({
            path: f.filename,
            status: f.status,
            ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        })),
        commit_authors: commitAuthors,
        reviews: reviews.map((r) => ({
            id: r.id,
            user: user(r.user),
            state: r.state,
            commit_id: r.commit_id ?? '',
            ...(r.submitted_at ? { submitted_at: r.submitted_at } : {}),
        })),
    };
    return {
        facts,
        unmappedCommits: commits.filter((c) => !c.author || !c.committer).map((c) => c.sha),
        commitsTruncated: commits.length >= PR_COMMITS_MAX || commits.length < now.commits,
        filesTruncated: files.length >= PR_FILES_MAX || files.length < now.changed_files,
    };
}


/***/ }),

/***/ 2745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lx: () => (/* binding */ setStatus),
/* harmony export */   OJ: () => (/* binding */ tokenLoginForReconcile),
/* harmony export */   j: () => (/* binding */ STATUS_CONTEXT),
/* harmony export */   nu: () => (/* binding */ tokenLogin),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _sticky_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33);

const STATUS_CONTEXT = 'gitgrant/approval';
async function setStatus(gh, ref, sha, state, description, targetUrl) {
    await gh.rest.repos.createCommitStatus({
        ...ref,
        sha,
        state,
        context: STATUS_CONTEXT,
        // GitHub rejects descriptions over 140 characters.
        description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
    });
}
/**
 * The login the token acts as. Installation tokens (GITHUB_TOKEN, GitHub Apps) cannot read
 * /user: GitHub answers 403, and the token acts as `github-actions[bot]` (null here). Any other
 * failure is thrown: guessing the identity wrongly would post a second sticky comment.
 */
async function tokenLogin(gh) {
    try {
        const { data } = await gh.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        if (e.status === 403)
            return null;
        throw e;
    }
}
/**
 * The token's login for reconcile, which must not stop on it: when it cannot be read, `login` is
 * null and `unknownLogin` says why (reconcile then writes no issue or comment: docs/operations.md).
 */
async function tokenLoginForReconcile(gh) {
    try {
        return { login: await tokenLogin(gh) };
    }
    catch (e) {
        return {
            login: null,
            unknownLogin: `cannot read the token's own login (${e instanceof Error ? e.message : String(e)}): no alert, retro-review or escalation issue is written this run`,
        };
    }
}
async function upsertStickyComment(gh, ref, issueNumber, marker, body, login, opts = {}) {
    const comments = await gh.paginate(gh.rest.issues.listComments, {
        ...ref,
        issue_number: issueNumber,
        per_page: 100,
    });
    const ours = comments.filter((c) => (0,_sticky_read_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurs */ .M)(c, marker, login));
    const [existing, ...duplicates] = ours;
    if (existing) {
        if (existing.body !== body)
            await gh.rest.issues.updateComment({ ...ref, comment_id: existing.id, body });
        // An earlier run that failed half-way may have left a second copy: converge to exactly one.
        for (const d of duplicates)
            await gh.rest.issues.deleteComment({ ...ref, comment_id: d.id });
        return { id: existing.id, created: false };
    }
    if (opts.create === false)
        return null;
    const { data } = await gh.rest.issues.createComment({ ...ref, issue_number: issueNumber, body });
    return { id: data.id, created: true };
}


/***/ }),

/***/ 33:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isOurs),
/* harmony export */   Q: () => (/* binding */ findOurComments)
/* harmony export */ });
function isOurs(c, marker, login) {
    if (!(c.body ?? '').includes(marker) || !c.user)
        return false;
    return login
        ? c.user.login.toLowerCase() === login.toLowerCase()
        : c.user.type === 'Bot' && c.user.login === 'github-actions[bot]';
}
async function findOurComments(gh, ref, issueNumber, marker, login) {
    const comments = await gh.paginate(gh.rest.issues.listComments, {
        ...ref,
        issue_number: issueNumber,
        per_page: 100,
    });
    return comments.filter((c) => isOurs(c, marker, login)).map((c) => ({ id: c.id, body: c.body ?? '' }));
}


/***/ }),

/***/ 4769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ teamReader)
/* harmony export */ });
/* unused harmony export TeamReadError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

class TeamReadError extends Error {
    constructor(team, why) {
        super(`cannot read the members of @${team} (${why}). Team membership needs a GitHub App token with the organisation permission "Members: read" (the Action's app-token input); with the default GITHUB_TOKEN, use group: in policies/ instead of @org/team`);
        this.name = 'TeamReadError';
    }
}
function teamReader(gh) {
    const cache = new Map();
    const read = (team) => {
        const key = team.replace(/^@/, '').toLowerCase();
        let hit = cache.get(key);
        if (!hit) {
            const [org, slug] = key.split('/');
            hit = gh
                .paginate(gh.rest.teams.listMembersInOrg, { org: org, team_slug: slug, per_page: 100 })
                .then((members) => members.map((m) => m.login))
                .catch((e) => {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PermissionError */ .i_)
                    throw new TeamReadError(key, `missing permission ${e.permission}`);
                const status = e.status;
                if (status === 404 || status === 403)
                    throw new TeamReadError(key, `GitHub answered ${status}: the team does not exist or the token cannot see it`);
                throw e;
            });
            cache.set(key, hit);
        }
        return hit;
    };
    return {
        /** `org/slug` (lower case) → active member logins, for every team named. */
        async members(teams) {
            const keys = [...new Set([...teams].map((t) => t.replace(/^@/, '').toLowerCase()))];
            const lists = await Promise.all(keys.map(read));
            return Object.fromEntries(keys.map((k, i) => [k, lists[i]]));
        },
    };
}


/***/ }),

/***/ 7753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ loadGrant),
/* harmony export */   Y: () => (/* binding */ loadGrants)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
/* harmony import */ var _grant_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3836);
/* harmony import */ var _safe_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(973);
/* harmony import */ var _schema_check_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9176);
/**
 * One grant request file → a GrantRequest, or every problem found in it. Order: path rules,
 * safe YAML, JSON Schema, then the duration grammar (the schema only says "a string").
 */





function copyMatch(match) {
    const out = Object.create(null);
    for (const [k, v] of Object.entries(match))
        out[k] = typeof v === 'string' ? v : [...v];
    return out;
}
function loadGrant(path, bytes, kind = 'file') {
    const where = (0,_grant_path_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyGrantPath */ .yK)({ path, kind });
    if (where.kind === 'invalid')
        return { ok: false, diagnostics: [where.diagnostic] };
    if (where.kind === 'ignored') {
        return {
            ok: false,
            diagnostics: [
                {
                    code: 'invalid-filename',
                    message: `\`${path}\` is not a grant file`,
                    file: path,
                    line: 1,
                    column: 1,
                },
            ],
        };
    }
    const parsed = (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(bytes, path);
    if (!parsed.ok)
        return parsed;
    const { value, source } = parsed;
    const diagnostics = [];
    for (const f of (0,_schema_check_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSchemaFindings */ .yf)('grant', value, source)) {
        // A non-string duration (`duration: 4`) is a duration problem: parseDuration says why.
        if (f.keyword === 'type' && f.path.length === 1 && f.path[0] === 'duration')
            continue;
        diagnostics.push(f.diagnostic);
    }
    const raw = value;
    if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'duration')) {
        const d = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(raw.duration);
        if (!d.ok)
            diagnostics.push((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .diag */ .sm)('duration-invalid', `duration: ${d.reason}`, source, ['duration']));
    }
    if (diagnostics.length > 0)
        return { ok: false, diagnostics: (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .sortDiagnostics */ .Ds)(diagnostics) };
    const g = raw;
    const resources = g.resources.map((r) => typeof r === 'string' ? r : { match: copyMatch(r.match) });
    const grant = {
        id: where.id,
        file: path,
        requester: g.requester,
        reason: g.reason,
        access: g.access,
        duration: g.duration,
        resources,
        source,
    };
    if (g.ticket !== undefined)
        grant.ticket = g.ticket;
    if (g.extends !== undefined)
        grant.extends = g.extends;
    return { ok: true, grant };
}
/**
 * Every entry a reader listed under grants/: tolerated files (`.gitkeep`, `README.md`) are
 * skipped, everything else is loaded or reported.
 */
function loadGrants(entries) {
    const out = [];
    for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const where = (0,_grant_path_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyGrantPath */ .yK)(e);
        if (where.kind === 'ignored')
            continue;
        if (where.kind === 'invalid') {
            out.push({ path: e.path, result: { ok: false, diagnostics: [where.diagnostic] } });
            continue;
        }
        out.push({ path: e.path, result: loadGrant(e.path, e.bytes ?? new Uint8Array(), e.kind) });
    }
    return out;
}


/***/ }),

/***/ 3836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _q: () => (/* binding */ TOLERATED_NAMES),
/* harmony export */   vF: () => (/* binding */ idClashes),
/* harmony export */   yK: () => (/* binding */ classifyGrantPath)
/* harmony export */ });
/* unused harmony export GRANTS_DIR */
const GRANTS_DIR = 'grants';
const GRANT_NAME = /^[a-z0-9][a-z0-9._-]{0,99}\.yaml$/;
const FOLDER_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const TOLERATED_NAMES = new Set(['.gitkeep', 'README.md']);
function invalid(path, code, message) {
    return { kind: 'invalid', diagnostic: { code, message, file: path, line: 1, column: 1 } };
}
function whyBadName(name) {
    if (/\.yml$/i.test(name))
        return `\`${name}\`: grant files end in .yaml, not .yml`;
    if (name.startsWith('.'))
        return `\`${name}\`: hidden files are not allowed under grants/`;
    if (/[A-Z]/.test(name))
        return `\`${name}\`: grant file names are lower case`;
    if (/\s/.test(name))
        return `\`${name}\`: grant file names contain no spaces`;
    if (!name.endsWith('.yaml'))
        return `\`${name}\`: only grant files (*.yaml) are allowed under grants/`;
    return `\`${name}\`: a grant file name is 1-100 of a-z 0-9 . _ - (starting with a letter or digit) followed by .yaml`;
}
function classifyGrantPath(entry) {
    const { path } = entry;
    const parts = path.split('/');
    if (parts[0] !== GRANTS_DIR) {
        return invalid(path, 'invalid-filename', `\`${path}\`: grant files live under ${GRANTS_DIR}/`);
    }
    // Fail closed before looking at the name: a symlink could point anywhere (even outside the
    // repository) and a submodule is another repository's content.
    if (entry.kind !== 'file') {
        const what = entry.kind === 'other' ? 'not a regular file' : `a ${entry.kind}`;
        return invalid(path, 'not-a-file', `\`${path}\` is ${what}: grant files must be regular files`);
    }
    const name = parts[parts.length - 1];
    if (parts.length < 2 || name === '')
        return invalid(path, 'invalid-filename', `\`${path}\` is not a grant file path`);
    for (const folder of parts.slice(1, -1)) {
        if (!FOLDER_NAME.test(folder)) {
            return invalid(path, 'invalid-filename', `folder \`${folder}\`: folder names under grants/ are lower case a-z 0-9 . _ - (no leading dot)`);
        }
    }
    if (TOLERATED_NAMES.has(name))
        return { kind: 'ignored' };
    if (!GRANT_NAME.test(name))
        return invalid(path, 'invalid-filename', whyBadName(name));
    return { kind: 'grant', id: name.slice(0, -'.yaml'.length) };
}
/**
 * Grant ids (file names without `.yaml`) must be unique across all of grants/: the id names the
 * grant in windows, webhook events, idempotency keys and the audit trail. For each path whose id
 * is already used by an earlier path (in path order), the path that holds it.
 */
function idClashes(paths) {
    const first = new Map();
    const clashes = new Map();
    for (const p of [...paths].sort()) {
        const m = /^grants\/(?:.*\/)?([^/]+)\.yaml$/.exec(p);
        if (!m)
            continue;
        const holder = first.get(m[1]);
        if (holder)
            clashes.set(p, holder);
        else
            first.set(m[1], p);
    }
    return clashes;
}


/***/ }),

/***/ 9010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   lr: () => (/* binding */ MAX_DEPTH),
/* harmony export */   zE: () => (/* binding */ MAX_CODEOWNERS_BYTES)
/* harmony export */ });
/**
 * Hard limits of the load layer. They bound memory and recursion for untrusted input (grant
 * files come from pull requests), so they are checked before any parsing happens.
 */
/** Largest accepted YAML file (DESIGN.md §2): bigger files are `file-too-large`. */
const MAX_FILE_BYTES = 64 * 1024;
/** Deepest accepted collection nesting; the real formats need at most ~8 levels. */
const MAX_DEPTH = 32;
/** GitHub ignores CODEOWNERS files larger than 3 MB; so do we. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;


/***/ }),

/***/ 973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hN: () => (/* binding */ parseYaml),
  Ds: () => (/* binding */ sortDiagnostics)
});

// UNUSED EXPORTS: YAML_OPTIONS, parseYamlText

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/load/limits.ts
var limits = __webpack_require__(9010);
;// CONCATENATED MODULE: ./src/load/text.ts
const BOM = [0xef, 0xbb, 0xbf];
/**
 * Characters outside YAML's printable set (C0/C1 controls except tab, LF, CR and NEL; DEL;
 * U+FFFE/U+FFFF), plus a BOM after the start and the bidirectional overrides/isolates: the
 * latter render a line differently from its bytes in a pull-request diff ("Trojan Source",
 * CVE-2021-42574), and a reviewer must see what gets parsed.
 */
const FORBIDDEN_CHAR = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/u;
/** 1-based line/column of a UTF-16 offset in `text` (columns count UTF-16 units, like editors). */
function positionInText(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or -1. Only used to point at the error;
 * the decision itself is TextDecoder's.
 */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (b < 0x80) {
            i++;
            continue;
        }
        else if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                lo = 0xa0;
            if (b === 0xed)
                hi = 0x9f;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                lo = 0x90;
            if (b === 0xf4)
                hi = 0x8f;
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf))
                return i;
        }
        i += need + 1;
    }
    return -1;
}
function decodeConfigText(bytes) {
    const hasBom = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
    const body = hasBom ? bytes.subarray(3) : bytes;
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    }
    catch {
        const bad = Math.max(0, firstInvalidUtf8(body));
        const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
        return {
            ok: false,
            message: `not valid UTF-8 (byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad + (hasBom ? 3 : 0)}); save the file as UTF-8`,
            position: positionInText(prefix, prefix.length),
        };
    }
    const m = FORBIDDEN_CHAR.exec(text);
    if (m) {
        const code = m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
        return {
            ok: false,
            message: `forbidden character U+${code} (control, invisible or bidirectional-override characters are not allowed)`,
            position: positionInText(text, m.index),
        };
    }
    return { ok: true, text };
}

;// CONCATENATED MODULE: ./src/load/yaml-guard.ts

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);
const FORBIDDEN_TOKENS = {
    anchor: 'anchors (`&name`) are not allowed: write the value out in full',
    alias: 'aliases (`*name`) are not allowed: write the value out in full',
    tag: 'explicit tags (`!!binary`, `!!str`, `!custom`, …) are not allowed',
    directive: 'directives (`%YAML`, `%TAG`) are not allowed: files are always YAML 1.2',
};
/** Pushes the sub-tokens of a CST token or collection item (they are all objects or arrays). */
function pushChildren(stack, holder, depth) {
    for (const field of ['end', 'value', 'sep', 'key', 'items', 'props', 'start']) {
        const child = holder[field];
        if (Array.isArray(child)) {
            for (let i = child.length - 1; i >= 0; i--)
                stack.push({ token: child[i], depth });
        }
        else if (child && typeof child === 'object') {
            stack.push({ token: child, depth });
        }
    }
}
function guardCst(tokens) {
    const findings = [];
    let documents = 0;
    let tooDeep = false;
    const stack = [];
    for (let i = tokens.length - 1; i >= 0; i--)
        stack.push({ token: tokens[i], depth: 0 });
    while (stack.length > 0) {
        const { token, depth } = stack.pop();
        const t = token;
        const offset = typeof t.offset === 'number' ? t.offset : 0;
        let childDepth = depth;
        switch (t.type) {
            case 'document':
                documents++;
                if (documents === 2) {
                    findings.push({
                        code: 'yaml-forbidden',
                        message: 'only one YAML document per file (found a second `---` or `...`)',
                        offset,
                    });
                }
                break;
            case 'error':
                findings.push({ code: 'yaml-syntax', message: String(t.message ?? 'syntax error'), offset });
                break;
            case undefined:
                break; // a collection item: not a token, its fields are
            default:
                if (t.type in FORBIDDEN_TOKENS) {
                    findings.push({ code: 'yaml-forbidden', message: FORBIDDEN_TOKENS[t.type], offset });
                }
                else if (COLLECTIONS.has(t.type)) {
                    childDepth = depth + 1;
                    if (childDepth > limits/* MAX_DEPTH */.lr) {
                        // Report once and do not descend: the rest of the tree is what we refuse to walk.
                        if (!tooDeep) {
                            findings.push({
                                code: 'yaml-forbidden',
                                message: `nested deeper than ${limits/* MAX_DEPTH */.lr} levels`,
                                offset,
                            });
                            tooDeep = true;
                        }
                        continue;
                    }
                }
        }
        pushChildren(stack, t, childDepth);
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/load/yaml-source.ts
/**
 * Positions for diagnostics: a `Source` over a parsed yaml Document, so later layers (schema,
 * snapshot, policy evaluation) can point at file:line:column by document path alone.
 */

/**
 * The string a mapping key stands for. Plain keys are taken as written, so `12345:` (a numeric
 * GitHub login) and `true:` are the strings "12345" and "true" rather than a number or a
 * boolean; quoted keys are their value. Anything else is not a usable key (undefined).
 */
function keyString(key) {
    if (!(0,dist/* isScalar */.jn)(key))
        return undefined;
    if (key.type === 'PLAIN')
        return typeof key.source === 'string' && key.source !== '' ? key.source : undefined;
    return typeof key.value === 'string' ? key.value : undefined;
}
const START = { line: 1, column: 1 };
function yamlSource(file, doc, lines) {
    const pos = (node) => {
        const offset = node?.range?.[0];
        if (offset === undefined)
            return undefined;
        const { line, col } = lines.linePos(offset);
        return { line, column: col };
    };
    /** Walks `path`; returns the deepest node reached and, when the last step was a map key, that key. */
    const walk = (path) => {
        let node = (doc?.contents ?? null);
        let best = pos(node) ?? START;
        let key = null;
        for (let i = 0; i < path.length; i++) {
            const seg = path[i];
            key = null;
            let next;
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => keyString(p.key) === String(seg));
                if (!pair)
                    return { best, key: null, complete: false };
                key = pair.key;
                // `a:` with no value: point at the key, the value has no text of its own.
                next = pair.value ?? null;
                const p = pos(next) ?? pos(key);
                if (p)
                    best = p;
            }
            else if ((0,dist/* isSeq */.oP)(node) && /^[0-9]+$/.test(String(seg))) {
                next = node.items[Number(seg)];
                if (!next)
                    return { best, key: null, complete: false };
                best = pos(next) ?? best;
            }
            else {
                return { best, key: null, complete: false };
            }
            node = next ?? null;
        }
        return { best, key, complete: true };
    };
    return {
        file,
        at: (path) => walk(path).best,
        atKey: (path) => {
            if (path.length === 0)
                return walk(path).best;
            const r = walk(path);
            if (r.complete && r.key)
                return pos(r.key) ?? r.best;
            // The key does not exist: point at its parent object.
            return walk(path.slice(0, -1)).best;
        },
    };
}

;// CONCATENATED MODULE: ./src/load/yaml-plain.ts
/**
 * yaml nodes → plain JS values that are safe to hand to ajv and the model.
 *
 * Mappings become null-prototype objects filled with `Object.defineProperty`, so keys such as
 * `__proto__`, `constructor` or `prototype` are ordinary own data properties: they can never
 * reach or change a prototype. (The JSON Schemas then reject them as keys.) Only scalar string
 * keys are accepted; two keys that differ in YAML but name the same string (`1` and `"1"`) are
 * duplicates. Recursion is safe: the CST guard has already bounded the depth.
 */


function toPlain(node, findings) {
    if (node === null || node === undefined)
        return null;
    const at = (n) => n?.range?.[0] ?? 0;
    if ((0,dist/* isScalar */.jn)(node))
        return node.value;
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map((item) => toPlain(item, findings));
    if ((0,dist/* isMap */.jh)(node)) {
        const obj = Object.create(null);
        const seen = new Map();
        for (const pair of node.items) {
            const key = keyString(pair.key);
            if (key === undefined) {
                findings.push({
                    code: 'yaml-forbidden',
                    message: 'keys must be plain strings (no empty, mapping, list or null keys)',
                    offset: pair.key ? at(pair.key) : at(pair.value),
                });
                continue;
            }
            if (key === '<<') {
                findings.push({
                    code: 'yaml-forbidden',
                    message: 'merge keys (`<<`) are not allowed: write the keys out in full',
                    offset: at(pair.key),
                });
                continue;
            }
            if (seen.has(key)) {
                findings.push({ code: 'duplicate-key', message: `duplicate key \`${key}\``, offset: at(pair.key) });
                continue;
            }
            seen.set(key, pair.key);
            Object.defineProperty(obj, key, {
                value: toPlain(pair.value, findings),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return obj;
    }
    if ((0,dist/* isAlias */.Vj)(node)) {
        findings.push({ code: 'yaml-forbidden', message: 'aliases (`*name`) are not allowed', offset: at(node) });
        return null;
    }
    findings.push({ code: 'yaml-forbidden', message: 'unsupported YAML node', offset: at(node) });
    return null;
}

;// CONCATENATED MODULE: ./src/load/safe-yaml.ts
/**
 * Safe YAML: untrusted bytes → one plain JS value plus a `Source` for positions, or
 * diagnostics with stable codes. Order matters: size before decoding, encoding before
 * parsing, CST checks (depth, anchors, tags, directives, documents) before composing.
 */






/** The YAML options of DESIGN.md §2, for the Composer. */
const YAML_OPTIONS = {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    strict: true,
};
/** Sort by position, drop exact repeats (the same problem found by two checks). */
function sortDiagnostics(diagnostics) {
    const seen = new Set();
    return diagnostics
        .filter((d) => {
        const k = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
        return seen.has(k) ? false : (seen.add(k), true);
    })
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
function parseYaml(bytes, file) {
    const fail = (code, message, line = 1, column = 1) => ({
        ok: false,
        diagnostics: [{ code, message, file, line, column }],
    });
    if (bytes.length > limits/* MAX_FILE_BYTES */.gZ) {
        return fail('file-too-large', `file is larger than ${limits/* MAX_FILE_BYTES */.gZ / 1024} KiB (${limits/* MAX_FILE_BYTES */.gZ} bytes)`);
    }
    const decoded = decodeConfigText(bytes);
    if (!decoded.ok)
        return fail('encoding', decoded.message, decoded.position.line, decoded.position.column);
    return parseYamlText(decoded.text, file);
}
/**
 * The YAML stage alone, for text that already passed the size and encoding checks (exported
 * so tests can feed inputs larger than the size limit to the depth guard).
 */
function parseYamlText(text, file) {
    const fail = (code, message) => ({
        ok: false,
        diagnostics: [{ code, message, file, line: 1, column: 1 }],
    });
    const lines = new dist/* LineCounter */.HN();
    const tokens = [...new dist/* Parser */.iX(lines.addNewLine).parse(text)];
    const located = (f) => {
        const { line, col } = lines.linePos(f.offset);
        return { code: f.code, message: f.message, file, line, column: col };
    };
    const guard = guardCst(tokens);
    if (guard.length > 0)
        return { ok: false, diagnostics: sortDiagnostics(guard.map(located)) };
    const docs = [...new dist/* Composer */.Dk(YAML_OPTIONS).compose(tokens)];
    const doc = docs[0];
    const problems = docs.flatMap((d) => [...d.errors, ...d.warnings]);
    if (problems.length > 0) {
        return {
            ok: false,
            diagnostics: sortDiagnostics(problems.map((e) => {
                const duplicate = e.code === 'DUPLICATE_KEY';
                // The error's range may cover only the key's first character: read the whole key
                // (up to the colon or the end of the line) for the message.
                const key = (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0] ?? '').trim() ||
                    text.slice(e.pos[0], e.pos[1]);
                return located({
                    code: duplicate ? 'duplicate-key' : 'yaml-syntax',
                    message: duplicate ? `duplicate key \`${key}\`` : e.message.split('\n')[0],
                    offset: e.pos[0],
                });
            })),
        };
    }
    const contents = doc?.contents;
    if (!doc ||
        contents === null ||
        contents === undefined ||
        ((0,dist/* isScalar */.jn)(contents) && contents.value === null && !contents.source)) {
        return fail('schema', 'file is empty');
    }
    const findings = [];
    const value = toPlain(contents, findings);
    if (findings.length > 0)
        return { ok: false, diagnostics: sortDiagnostics(findings.map(located)) };
    return { ok: true, value, source: yamlSource(file, doc, lines) };
}


/***/ }),

/***/ 9176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yf: () => (/* binding */ checkSchemaFindings)
});

// UNUSED EXPORTS: checkSchema, collapseErrors, pointerToPath

;// CONCATENATED MODULE: ./src/load/schema-messages.ts
/** `policies[0].access.read` — the path as a person would write it. */
function humanPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (/^[A-Za-z0-9_@:/-]+$/.test(seg))
            out += out ? `.${seg}` : seg;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}
const LOGIN = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
/** What each pattern in schemas/*.json means, for messages (fallback: the pattern itself). */
const PATTERNS = {
    [`^${LOGIN}$`]: 'a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    '^[a-z][a-z0-9_.-]{0,62}$': 'a tag key (a lower case letter, then lower case letters, digits, _ . -; at most 63 characters)',
    '^[a-z][a-z0-9_-]{0,31}$': 'a valid name (a lower case letter, then lower case letters, digits, _ -; at most 32 characters)',
    '^[a-z0-9][a-z0-9_.-]{0,63}$': 'a group name (lower case letters, digits, _ . -; at most 64 characters)',
    '^[a-z0-9][a-z0-9._-]{0,99}$': 'a valid name (lower case letters, digits, . _ -; at most 100 characters)',
    '^[A-Za-z_][A-Za-z0-9_]{0,127}$': 'an environment variable name (letters, digits, _)',
    '^(?:[1-9]|[1-5][0-9]|60)s$': 'a timeout in whole seconds from 1s to 60s (e.g. 30s)',
    '^[^\\u0000]{1,63}$': 'a PostgreSQL role name (no NUL character; at most 63 characters)',
    '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$': 'a resource id',
    '\\S': 'blank',
    '^codeowners$': '`codeowners` (or write a list of approvers)',
    [`^(?:${LOGIN}|group:[a-z0-9][a-z0-9_.-]{0,63}|@${LOGIN}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$`]: 'a principal: a GitHub login, group:NAME or @ORG/TEAM',
    [`^${LOGIN}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$`]: 'a repository OWNER/NAME',
    [`^${LOGIN}/[a-z0-9][a-z0-9_-]{0,99}$`]: 'a team ORG/SLUG (the slug in lower case)',
    '^https?://[^\\s/?#]+(?:[/?#]\\S*)?$': 'an http(s) URL',
    '^\\S{1,256}$': 'an account name (no spaces)',
};
function expected(type) {
    switch (type) {
        case 'object':
            return 'a mapping (key: value)';
        case 'array':
            return 'a list';
        case 'integer':
            return 'a whole number';
        case 'boolean':
            return 'true or false';
        case 'null':
            return 'empty';
        default:
            return `a ${type}`;
    }
}
function describeValue(v) {
    if (v === null || v === undefined)
        return 'nothing (null)';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'number')
        return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
    if (typeof v === 'boolean')
        return `${v}`;
    return `"${String(v)}"`;
}
function or(items) {
    return items.length <= 1
        ? (items[0] ?? '')
        : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
/** The message for one (collapsed) ajv error at `where` (a human path, '' for the top). */
function describeKeyword(e, where, _root) {
    const label = where ? `\`${where}\`` : 'the file';
    const inWhere = where ? ` in \`${where}\`` : '';
    const p = e.params;
    const parent = (typeof e.parentSchema === 'object' && e.parentSchema) || {};
    const propertyName = e.propertyName;
    if (propertyName !== undefined) {
        const what = e.keyword === 'pattern'
            ? (PATTERNS[String(p.pattern)] ?? `a key matching ${String(p.pattern)}`)
            : 'a valid key';
        return `invalid key \`${propertyName}\`${inWhere}: must be ${what}`;
    }
    switch (e.keyword) {
        case 'additionalProperties': {
            const allowed = Object.keys(parent.properties ?? {});
            return `unknown key \`${String(p.additionalProperty)}\`${inWhere} (allowed: ${allowed.join(', ')})`;
        }
        case 'required':
            return `missing required key \`${String(p.missingProperty)}\`${inWhere}`;
        case 'type': {
            const types = [p.type].flat().map(expected);
            return `${label} must be ${or(types)} (found ${describeValue(e.data)})`;
        }
        case 'enum':
            return `${label} must be one of: ${p.allowedValues.join(', ')} (found ${describeValue(e.data)})`;
        case 'const':
            return `${label} must be \`${String(p.allowedValue)}\` (found ${describeValue(e.data)})`;
        case 'pattern': {
            const human = PATTERNS[String(p.pattern)];
            if (human === 'blank')
                return `${label} must not be blank`;
            return `${label} ${describeValue(e.data)} is not ${human ?? `valid (must match ${String(p.pattern)})`}`;
        }
        case 'minLength':
            return p.limit === 1
                ? `${label} must not be empty`
                : `${label} must be at least ${String(p.limit)} characters`;
        case 'maxLength':
            return `${label} must be at most ${String(p.limit)} characters`;
        case 'minItems':
            return `${label} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
        case 'maxItems':
            return `${label} must have at most ${String(p.limit)} items`;
        case 'minProperties':
        case 'maxProperties': {
            const s = parent;
            if (s.minProperties === 1 && s.maxProperties === 1) {
                return `${label} must have exactly one of: ${Object.keys(s.properties ?? {}).join(', ')}`;
            }
            return e.keyword === 'minProperties' && p.limit === 1
                ? `${label} must not be empty`
                : `${label} must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(p.limit)} keys`;
        }
        case 'minimum':
            return `${label} must be at least ${String(p.limit)} (found ${describeValue(e.data)})`;
        case 'maximum':
            return `${label} must be at most ${String(p.limit)} (found ${describeValue(e.data)})`;
        case 'false schema':
            return falseSchemaMessage(where);
        case 'oneOf':
        case 'anyOf':
            return `${label} matches none or several of the accepted forms`;
        default:
            return `${label} ${e.message ?? 'is invalid'}`;
    }
}
/** Keys that are forbidden only in some forms (a `false` schema in an if/then/else). */
function falseSchemaMessage(where) {
    const key = where.split('.').pop() ?? where;
    if (key === 'values')
        return `\`${where}\` is not allowed: only In and NotIn take values`;
    if (key === 'access' || key === 'require') {
        return `\`${where}\` is not allowed in a deny policy (a deny forbids every access level)`;
    }
    return `\`${where}\` is not allowed here`;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
;// CONCATENATED MODULE: ./src/load/validators.generated.js
// Generated by scripts/gen-validators.mjs from schemas/*.json: do not edit.
/* eslint-disable */

const grant = validate10;const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://gitgrant.dev/schemas/grant.schema.json","title":"gitgrant access request","description":"One request for temporary access: a file grants/**/ID.yaml added by a pull request. The file name (without .yaml) is the grant id.","type":"object","additionalProperties":false,"required":["requester","reason","access","duration","resources"],"properties":{"requester":{"title":"Requester","description":"GitHub login of the person who gets access. Must be the author of the pull request.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"reason":{"title":"Reason","description":"Why the access is needed, for reviewers and the audit log (e.g. \"INC-1234: investigate failed billing exports\").","type":"string","maxLength":2000,"pattern":"\\S"},"access":{"title":"Access level","description":"The access level requested (read, write, admin, …). Every policy that matches each resource must offer it.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,31}$"},"duration":{"title":"Duration","description":"How long the access lasts once the pull request is merged: Nm, Nh or Nd (90m, 4h, 2d) or ISO-8601 (PT4H, P1D). More than 0, at most the effective maximum of the matching policies.","type":"string"},"resources":{"title":"Resources","description":"One or more resources: a resource id, or a tag selector { match: { KEY: VALUE } }. Each id must exist and each selector must match at least one resource.","type":"array","minItems":1,"items":{"$ref":"#/definitions/resourceRef"}},"ticket":{"title":"Ticket","description":"Optional ticket or incident reference (e.g. INC-1234). A policy may require it and a pattern for it.","type":"string","maxLength":200,"pattern":"\\S"},"extends":{"title":"Extends","description":"The id of an existing grant on the default branch (same requester, same access, resources among its resources) that this request continues without a gap: the new window starts when the old one ends. See docs/extension.md.","type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,99}$"}},"definitions":{"resourceRef":{"title":"Resource reference","description":"A resource id (e.g. billing-db-prod, github:acme/frontend-web) or a tag selector { match: {...} }.","anyOf":[{"title":"Resource id","description":"The id of a resource declared in policies/ or discovered (github:ORG/REPO).","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"},{"title":"Tag selector","description":"Every resource whose tags match.","type":"object","additionalProperties":false,"required":["match"],"properties":{"match":{"title":"Match","description":"Tag KEY: VALUE pairs that must all hold. A value is a string (equals; * and ? are globs) or a list (any of).","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/matchValue"}}}}]},"tagKey":{"title":"Tag key","description":"A tag key: lower case letter first, then lower case letters, digits, _ . - (at most 63 characters).","type":"string","pattern":"^[a-z][a-z0-9_.-]{0,62}$"},"matchValue":{"title":"Tag value to match","description":"A string (equals; * and ? are globs) or a non-empty list of strings (any of).","anyOf":[{"type":"string","minLength":1,"maxLength":256},{"type":"array","minItems":1,"items":{"type":"string","minLength":1,"maxLength":256}}]}}};const pattern0 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");const pattern1 = new RegExp("\\S", "u");const pattern2 = new RegExp("^[a-z][a-z0-9_-]{0,31}$", "u");const pattern6 = new RegExp("^[a-z0-9][a-z0-9._-]{0,99}$", "u");const func2 = (ucs2length["default"] ?? ucs2length);const schema12 = {"title":"Resource reference","description":"A resource id (e.g. billing-db-prod, github:acme/frontend-web) or a tag selector { match: {...} }.","anyOf":[{"title":"Resource id","description":"The id of a resource declared in policies/ or discovered (github:ORG/REPO).","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"},{"title":"Tag selector","description":"Every resource whose tags match.","type":"object","additionalProperties":false,"required":["match"],"properties":{"match":{"title":"Match","description":"Tag KEY: VALUE pairs that must all hold. A value is a string (equals; * and ? are globs) or a list (any of).","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/matchValue"}}}}]};const schema13 = {"title":"Tag key","description":"A tag key: lower case letter first, then lower case letters, digits, _ . - (at most 63 characters).","type":"string","pattern":"^[a-z][a-z0-9_.-]{0,62}$"};const schema14 = {"title":"Tag value to match","description":"A string (equals; * and ? are globs) or a non-empty list of strings (any of).","anyOf":[{"type":"string","minLength":1,"maxLength":256},{"type":"array","minItems":1,"items":{"type":"string","minLength":1,"maxLength":256}}]};const pattern3 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$", "u");const pattern4 = new RegExp("^[a-z][a-z0-9_.-]{0,62}$", "u");function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs0 = errors;let valid0 = false;const _errs1 = errors;if(typeof data === "string"){if(!pattern3.test(data)){const err0 = {instancePath,schemaPath:"#/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$",parentSchema:schema12.anyOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}else {const err1 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.anyOf[0].type,parentSchema:schema12.anyOf[0],data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs1 === errors;valid0 = valid0 || _valid0;if(!valid0){const _errs3 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.match === undefined){const err2 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: "match"},message:"must have required property '"+"match"+"'",schema:schema12.anyOf[1].required,parentSchema:schema12.anyOf[1],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!(key0 === "match")){const err3 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12.anyOf[1],data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.match !== undefined){let data0 = data.match;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(Object.keys(data0).length < 1){const err4 = {instancePath:instancePath+"/match",schemaPath:"#/anyOf/1/properties/match/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema12.anyOf[1].properties.match,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}for(const key1 in data0){const _errs8 = errors;if(typeof key1 === "string"){if(!pattern4.test(key1)){const err5 = {instancePath:instancePath+"/match",schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema13,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/match",schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var valid2 = _errs8 === errors;if(!valid2){const err7 = {instancePath:instancePath+"/match",schemaPath:"#/anyOf/1/properties/match/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema12.anyOf[1].properties.match.propertyNames,parentSchema:schema12.anyOf[1].properties.match,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}for(const key2 in data0){let data1 = data0[key2];const _errs14 = errors;let valid6 = false;const _errs15 = errors;if(typeof data1 === "string"){if(func2(data1) > 256){const err8 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema14.anyOf[0],data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(func2(data1) < 1){const err9 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.anyOf[0],data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.anyOf[0].type,parentSchema:schema14.anyOf[0],data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}var _valid1 = _errs15 === errors;valid6 = valid6 || _valid1;if(!valid6){const _errs17 = errors;if(Array.isArray(data1)){if(data1.length < 1){const err11 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.anyOf[1],data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(typeof data2 === "string"){if(func2(data2) > 256){const err12 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema14.anyOf[1].items,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(func2(data2) < 1){const err13 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.anyOf[1].items,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.anyOf[1].items.type,parentSchema:schema14.anyOf[1].items,data:data2};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.anyOf[1].type,parentSchema:schema14.anyOf[1],data:data1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}var _valid1 = _errs17 === errors;valid6 = valid6 || _valid1;}if(!valid6){const err16 = {instancePath:instancePath+"/match/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.anyOf,parentSchema:schema14,data:data1};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}else {errors = _errs14;if(vErrors !== null){if(_errs14){vErrors.length = _errs14;}else {vErrors = null;}}}}}else {const err17 = {instancePath:instancePath+"/match",schemaPath:"#/anyOf/1/properties/match/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.anyOf[1].properties.match.type,parentSchema:schema12.anyOf[1].properties.match,data:data0};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}else {const err18 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.anyOf[1].type,parentSchema:schema12.anyOf[1],data};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}var _valid0 = _errs3 === errors;valid0 = valid0 || _valid0;}if(!valid0){const err19 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema12.anyOf,parentSchema:schema12,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate11.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://gitgrant.dev/schemas/grant.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.requester === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "requester"},message:"must have required property '"+"requester"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.reason === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.access === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "access"},message:"must have required property '"+"access"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.duration === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "duration"},message:"must have required property '"+"duration"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.resources === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "resources"},message:"must have required property '"+"resources"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}for(const key0 in data){if(!(((((((key0 === "requester") || (key0 === "reason")) || (key0 === "access")) || (key0 === "duration")) || (key0 === "resources")) || (key0 === "ticket")) || (key0 === "extends"))){const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.requester !== undefined){let data0 = data.requester;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err6 = {instancePath:instancePath+"/requester",schemaPath:"#/properties/requester/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema11.properties.requester,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/requester",schemaPath:"#/properties/requester/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.requester.type,parentSchema:schema11.properties.requester,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.reason !== undefined){let data1 = data.reason;if(typeof data1 === "string"){if(func2(data1) > 2000){const err8 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema11.properties.reason,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(!pattern1.test(data1)){const err9 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema11.properties.reason,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.reason.type,parentSchema:schema11.properties.reason,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.access !== undefined){let data2 = data.access;if(typeof data2 === "string"){if(!pattern2.test(data2)){const err11 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,31}$",parentSchema:schema11.properties.access,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.access.type,parentSchema:schema11.properties.access,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.duration !== undefined){let data3 = data.duration;if(typeof data3 !== "string"){const err13 = {instancePath:instancePath+"/duration",schemaPath:"#/properties/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.duration.type,parentSchema:schema11.properties.duration,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.resources !== undefined){let data4 = data.resources;if(Array.isArray(data4)){if(data4.length < 1){const err14 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.resources,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}const len0 = data4.length;for(let i0=0; i0<len0; i0++){if(!(validate11(data4[i0], {instancePath:instancePath+"/resources/" + i0,parentData:data4,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err15 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.resources.type,parentSchema:schema11.properties.resources,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.ticket !== undefined){let data6 = data.ticket;if(typeof data6 === "string"){if(func2(data6) > 200){const err16 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.ticket,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(!pattern1.test(data6)){const err17 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema11.properties.ticket,data:data6};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ticket.type,parentSchema:schema11.properties.ticket,data:data6};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.extends !== undefined){let data7 = data.extends;if(typeof data7 === "string"){if(!pattern6.test(data7)){const err19 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,99}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,99}$",parentSchema:schema11.properties.extends,data:data7};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.extends.type,parentSchema:schema11.properties.extends,data:data7};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}validate10.errors = vErrors;return errors === 0;}const policies = validate13;const schema15 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://gitgrant.dev/schemas/policies.schema.json","title":"gitgrant policies file","description":"A file policies/**/*.yaml. Holds any of resources, discover, people, groups, policies and settings; all files are merged into one configuration, read from the base branch.","type":"object","additionalProperties":false,"properties":{"resources":{"title":"Resources","description":"Things access is granted to, each with an id unique across all policy files.","type":"array","items":{"$ref":"#/definitions/resource"}},"discover":{"title":"Discovery","description":"Resources found at run time: each repository of a GitHub organization becomes github:ORG/NAME, tagged from its custom properties.","type":"array","items":{"$ref":"#/definitions/discoverRule"}},"people":{"title":"People","description":"GitHub accounts by login, with their numeric id, tags and per-provider identities.","type":"object","propertyNames":{"$ref":"#/definitions/login"},"additionalProperties":{"$ref":"#/definitions/person"}},"groups":{"title":"Groups","description":"Named sets of people, referred to as group:NAME.","type":"object","propertyNames":{"$ref":"#/definitions/groupName"},"additionalProperties":{"title":"Group members","description":"GitHub logins of the members.","type":"array","items":{"$ref":"#/definitions/login"}}},"policies":{"title":"Policies","description":"Rules selecting resources by tags: who may request which access, for how long, with whose approval. effect: deny policies forbid.","type":"array","items":{"$ref":"#/definitions/policy"}},"settings":{"title":"Settings","description":"Repository-wide settings; at most one policy file may hold them.","type":"object","additionalProperties":false,"properties":{"admins":{"$ref":"#/definitions/approvalRule","title":"Administrators","description":"Approvals needed for a change to policies/ or CODEOWNERS. Default: { from: [group:security], count: 2 }. from may not be codeowners (config-invalid)."},"revocation":{"title":"Revocation","description":"How expired grants are removed from git after they are revoked at the providers.","type":"object","additionalProperties":false,"required":["mode"],"properties":{"mode":{"title":"Revocation mode","description":"pull-request: one revocation pull request, updated in place (default); commit: a commit pushed to the default branch.","type":"string","enum":["pull-request","commit"]}}},"notifications":{"$ref":"#/definitions/notifications","title":"Notifications","description":"Slack-compatible chat messages on request, approval, grant, expiry warning and revocation (best effort). See docs/notifications.md."}}}},"definitions":{"notifications":{"title":"Notifications","description":"Chat notifications (a Slack-compatible incoming webhook) about requests, approvals, grants, expiry warnings and revocations. Best effort: a failed notification never fails a command. See docs/notifications.md.","type":"object","additionalProperties":false,"required":["webhook_env"],"properties":{"webhook_env":{"$ref":"#/definitions/envName","title":"Webhook URL variable","description":"The environment variable holding the incoming-webhook URL (https, or http on loopback only): the URL never lives in git."},"expiry_warning":{"$ref":"#/definitions/duration","title":"Expiry warning","description":"Warn once when an active grant ends within this (default 1h)."},"events":{"title":"Events","description":"Which events are sent (default: all of request, approval, grant, expiry-warning, revocation).","type":"array","uniqueItems":true,"items":{"type":"string","enum":["request","approval","grant","expiry-warning","revocation"]}}}},"login":{"title":"GitHub login","description":"A GitHub login: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"groupName":{"title":"Group name","description":"A group name: lower case letters, digits, _ . - (at most 64 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9_.-]{0,63}$"},"tagKey":{"title":"Tag key","description":"A tag key: lower case letter first, then lower case letters, digits, _ . - (at most 63 characters).","type":"string","pattern":"^[a-z][a-z0-9_.-]{0,62}$"},"tagValue":{"title":"Tag value","description":"A tag value (1 to 256 characters).","type":"string","minLength":1,"maxLength":256},"accessLevel":{"title":"Access level","description":"An access level name (read, write, admin, …): lower case letter first, then lower case letters, digits, _ - (at most 32 characters).","type":"string","pattern":"^[a-z][a-z0-9_-]{0,31}$"},"envName":{"title":"Environment variable name","description":"The name of an environment variable (letters, digits, _): secrets never live in git.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"},"duration":{"title":"Duration","description":"Nm, Nh or Nd (90m, 4h, 2d) or ISO-8601 (PT4H, P1D); more than 0, at most 366 days.","type":"string"},"matchValue":{"title":"Tag value to match","description":"A string (equals; * and ? are globs) or a non-empty list of strings (any of).","anyOf":[{"type":"string","minLength":1,"maxLength":256},{"type":"array","minItems":1,"items":{"type":"string","minLength":1,"maxLength":256}}]},"tagMatch":{"title":"Tag match","description":"Tag KEY: VALUE pairs that must all hold.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/matchValue"}},"tagSelector":{"title":"Resource selector","description":"Selects resources by tags; match and expressions must all hold. Must not be empty.","type":"object","additionalProperties":false,"minProperties":1,"properties":{"match":{"$ref":"#/definitions/tagMatch","title":"Match","description":"Tag KEY: VALUE pairs; a value is a string (equals; * and ? are globs) or a list (any of)."},"expressions":{"title":"Expressions","description":"Conditions that must all hold: In, NotIn (with values), Exists, DoesNotExist (without).","type":"array","minItems":1,"items":{"$ref":"#/definitions/expression"}}}},"expression":{"title":"Tag expression","description":"{ key, operator, values }: In and NotIn need a non-empty values list; Exists and DoesNotExist take none.","type":"object","additionalProperties":false,"required":["key","operator"],"properties":{"key":{"$ref":"#/definitions/tagKey","title":"Key","description":"The tag key to test."},"operator":{"title":"Operator","description":"In, NotIn (a missing key satisfies NotIn), Exists or DoesNotExist.","type":"string","enum":["In","NotIn","Exists","DoesNotExist"]},"values":{"title":"Values","description":"The values for In and NotIn (not globs).","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagValue"}}},"if":{"required":["operator"],"properties":{"operator":{"enum":["In","NotIn"]}}},"then":{"required":["values"],"properties":{"values":true}},"else":{"properties":{"values":false}}},"principal":{"title":"Principal","description":"A GitHub login, group:NAME (policies/ groups) or @ORG/TEAM (a GitHub team, active members only).","type":"string","pattern":"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"},"requesterSelector":{"title":"Requester selector","description":"A login, group:NAME, @ORG/TEAM, { tags: {...} } (people whose tags match) or { same_tags: [KEY] } (the requester's KEY values include the resource's KEY value).","anyOf":[{"$ref":"#/definitions/principal"},{"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"tags":{"$ref":"#/definitions/tagMatch","title":"Tags","description":"People (policies/ people) whose tags match."},"same_tags":{"title":"Same tags","description":"Tag keys whose resource value must be among the requester's values for that key.","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagKey"}}}}]},"approverSelector":{"title":"Approver selector","description":"A login, group:NAME, @ORG/TEAM or { tags: {...} } (people whose tags match).","anyOf":[{"$ref":"#/definitions/principal"},{"type":"object","additionalProperties":false,"required":["tags"],"properties":{"tags":{"$ref":"#/definitions/tagMatch","title":"Tags","description":"People (policies/ people) whose tags match."}}}]},"approvalRule":{"title":"Approval rule","description":"count approvals from distinct people chosen by from.","type":"object","additionalProperties":false,"required":["from","count"],"properties":{"from":{"title":"From","description":"codeowners (the owners of the grant file in the base branch's CODEOWNERS) or a list of approver selectors.","anyOf":[{"type":"string","pattern":"^codeowners$"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/approverSelector"}}]},"count":{"title":"Count","description":"How many distinct approvers are needed (at least 1).","type":"integer","minimum":1,"maximum":100}}},"accessRule":{"title":"Access rule","description":"What requesting this access level takes: the longest duration and the approvals.","type":"object","additionalProperties":false,"required":["max_duration","approvals"],"properties":{"max_duration":{"$ref":"#/definitions/duration","title":"Maximum duration","description":"The longest duration a grant may ask for (4h, 2d, PT8H)."},"approvals":{"title":"Approvals","description":"Approval rules that must all be satisfied ([] for none; must be [] on a break-glass level).","type":"array","items":{"$ref":"#/definitions/approvalRule"}},"max_extensions":{"title":"Maximum extensions","description":"How many times one original grant may be extended (extends:), counting the whole chain. 0 forbids extensions. See docs/extension.md.","type":"integer","minimum":0,"maximum":100},"max_hours_per_30d":{"title":"Maximum hours per 30 days","description":"Total granted hours per person, per value of the resource tags in by, over any rolling 30 days (windows from git history). See docs/extension.md.","type":"object","additionalProperties":false,"required":["hours","by"],"properties":{"hours":{"title":"Hours","description":"The most hours in any 30 days.","type":"integer","minimum":1,"maximum":720},"by":{"title":"By tags","description":"Resource tag keys the total is counted per value of (e.g. [env] or [team, env]).","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagKey"}}}},"escalate_after":{"$ref":"#/definitions/duration","title":"Escalate after","description":"An open request pull request older than this and not yet approved gets a review request to escalate_to (once). See docs/escalation.md."},"escalate_to":{"title":"Escalate to","description":"Who reconcile requests a review from when escalate_after passes: group:NAME, @ORG/TEAM or logins.","type":"array","minItems":1,"items":{"$ref":"#/definitions/principal"}},"expire_after":{"$ref":"#/definitions/duration","title":"Expire after","description":"An open request pull request older than this is closed by reconcile with a comment saying why. See docs/escalation.md."},"break_glass":{"title":"Break-glass","description":"Granted on merge WITHOUT approvals; one of reviewers must approve the merged pull request within review_within of the merge, or reconcile revokes the access early. max_duration must be at most 4h. See docs/break-glass.md.","type":"object","additionalProperties":false,"required":["review_within","reviewers"],"properties":{"review_within":{"$ref":"#/definitions/duration","title":"Review within","description":"How long after the merge the retro-review may take (e.g. 1h, 24h)."},"reviewers":{"title":"Reviewers","description":"Who may give the retro-review: approver selectors (login, group:NAME, @ORG/TEAM, { tags }).","type":"array","minItems":1,"items":{"$ref":"#/definitions/approverSelector"}}}}},"if":{"required":["break_glass"],"properties":{"break_glass":true}},"then":{"properties":{"approvals":{"type":"array","maxItems":0}}}},"policy":{"title":"Policy","description":"An allow policy (requesters, access) or a deny policy (effect: deny, requesters).","type":"object","additionalProperties":false,"required":["name","resources","requesters"],"properties":{"name":{"title":"Name","description":"Unique policy name: lower case letters, digits, . _ - (at most 100 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,99}$"},"description":{"title":"Description","description":"What the policy is for, shown in reports.","type":"string","maxLength":2000},"effect":{"title":"Effect","description":"allow (default) or deny: a matching deny policy whose requesters include the requester forbids the request.","type":"string","enum":["allow","deny"]},"resources":{"$ref":"#/definitions/tagSelector","title":"Resources","description":"The resources the policy applies to, by tags. Must not be empty."},"requesters":{"title":"Requesters","description":"Who the policy is about: for allow, who may request; for deny, who is forbidden.","type":"array","minItems":1,"items":{"$ref":"#/definitions/requesterSelector"}},"access":{"title":"Access levels","description":"Access levels offered (allow policies only), each with its maximum duration and approvals.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/accessLevel"},"additionalProperties":{"$ref":"#/definitions/accessRule"}},"escalate_after":{"$ref":"#/definitions/duration","title":"Escalate after","description":"An open request pull request older than this and not yet approved gets a review request to escalate_to (once). See docs/escalation.md."},"escalate_to":{"title":"Escalate to","description":"Who reconcile requests a review from when escalate_after passes: group:NAME, @ORG/TEAM or logins.","type":"array","minItems":1,"items":{"$ref":"#/definitions/principal"}},"expire_after":{"$ref":"#/definitions/duration","title":"Expire after","description":"An open request pull request older than this is closed by reconcile with a comment saying why. See docs/escalation.md."},"require":{"title":"Requirements","description":"Extra requirements on grants (allow policies only).","type":"object","additionalProperties":false,"properties":{"reason":{"title":"Reason required","description":"The grant must give a reason.","type":"boolean"},"ticket":{"title":"Ticket pattern","description":"A regular expression (anchor it with ^…$) the grant's ticket must match; the ticket becomes required.","type":"string","minLength":1,"maxLength":200}}}},"if":{"required":["effect"],"properties":{"effect":{"const":"deny"}}},"then":{"properties":{"access":false,"require":false}},"else":{"required":["access"],"properties":{"access":true}}},"baselineEntry":{"title":"Baseline entry","description":"Standing access: revocation never goes below it.","type":"object","additionalProperties":false,"required":["person","access"],"properties":{"person":{"$ref":"#/definitions/login","title":"Person","description":"GitHub login of the person with standing access."},"access":{"$ref":"#/definitions/accessLevel","title":"Access","description":"The standing access level."}}},"githubConfig":{"title":"github provider config","description":"Exactly one of repository (OWNER/NAME: collaborator access) or team (ORG/SLUG: team membership).","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"repository":{"title":"Repository","description":"OWNER/NAME of the repository.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$"},"team":{"title":"Team","description":"ORG/SLUG of the team (the slug is lower case).","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$"}}},"postgresConfig":{"title":"postgres provider config","description":"connection_env (environment variable holding the connection URL) and roles (access level → database role).","type":"object","additionalProperties":false,"required":["connection_env","roles"],"properties":{"connection_env":{"$ref":"#/definitions/envName","title":"Connection variable","description":"Name of the environment variable holding the connection URL."},"roles":{"title":"Roles","description":"Access level → the database role granted for it.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/accessLevel"},"additionalProperties":{"title":"Database role","description":"A PostgreSQL role name, taken literally (case preserved) and always quoted: any characters except NUL, at most 63 bytes (longer names are refused by the provider, as the server would truncate them).","type":"string","pattern":"^[^\\u0000]{1,63}$"}}}},"webhookConfig":{"title":"webhook provider config","description":"url (receives signed grant and revoke calls), secret_env (environment variable holding the signing secret) and, optionally, timeout (of one attempt).","type":"object","additionalProperties":false,"required":["url","secret_env"],"properties":{"url":{"title":"URL","description":"The http(s) URL of the receiver.","type":"string","maxLength":2048,"pattern":"^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"},"secret_env":{"$ref":"#/definitions/envName","title":"Secret variable","description":"Name of the environment variable holding the signing secret."},"timeout":{"title":"Timeout","description":"How long one attempt waits for the receiver's answer before it is retried: whole seconds from 1s to 60s (default 10s).","type":"string","pattern":"^(?:[1-9]|[1-5][0-9]|60)s$"}}},"resource":{"title":"Resource","description":"Something access is granted to.","type":"object","additionalProperties":false,"required":["id","provider","config"],"properties":{"id":{"title":"Id","description":"Unique resource id used in grants: lower case letters, digits, . _ - (at most 100 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,99}$"},"provider":{"title":"Provider","description":"The adapter that grants and revokes: github, postgres or webhook.","type":"string","enum":["github","postgres","webhook"]},"tags":{"title":"Tags","description":"KEY: VALUE metadata that policies select on (env, team, kind, …).","type":"object","propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/tagValue"}},"config":{"title":"Provider config","description":"Provider settings: github { repository } or { team }; postgres { connection_env, roles }; webhook { url, secret_env, timeout }.","type":"object"},"baseline":{"title":"Baseline","description":"Standing access declared in git; revocation returns a person to it, never below.","type":"array","items":{"$ref":"#/definitions/baselineEntry"}},"prune":{"title":"Prune","description":"When true, reconcile removes access at the provider that no grant or baseline explains (default false: only reported as drift).","type":"boolean"}},"allOf":[{"if":{"required":["provider"],"properties":{"provider":{"const":"github"}}},"then":{"properties":{"config":{"$ref":"#/definitions/githubConfig"}}}},{"if":{"required":["provider"],"properties":{"provider":{"const":"postgres"}}},"then":{"properties":{"config":{"$ref":"#/definitions/postgresConfig"}}}},{"if":{"required":["provider"],"properties":{"provider":{"const":"webhook"}}},"then":{"properties":{"config":{"$ref":"#/definitions/webhookConfig"}}}}]},"discoverRule":{"title":"Discovery rule","description":"Each repository of a GitHub organization becomes a resource github:ORG/NAME.","type":"object","additionalProperties":false,"required":["provider","org"],"properties":{"provider":{"title":"Provider","description":"Only github can be discovered.","type":"string","enum":["github"]},"org":{"$ref":"#/definitions/login","title":"Organization","description":"The GitHub organization login."},"tags_from":{"title":"Tags from","description":"Where tags come from: custom_properties (the repository's custom properties; the default).","type":"string","enum":["custom_properties"]}}},"person":{"title":"Person","description":"A GitHub account: numeric id (identity is bound to it), tags, per-provider identities.","type":"object","additionalProperties":false,"properties":{"id":{"title":"GitHub user id","description":"The numeric GitHub user id (https://api.github.com/users/LOGIN); logins can be renamed, ids cannot.","type":"integer","minimum":1,"maximum":9007199254740991},"tags":{"title":"Tags","description":"KEY: VALUE or KEY: [VALUES] (team: [billing, data_science]).","type":"object","propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"title":"Tag value(s)","description":"A value or a non-empty list of values.","anyOf":[{"$ref":"#/definitions/tagValue"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/tagValue"}}]}},"identities":{"title":"Identities","description":"Provider name → the person's account there (e.g. postgres: alice).","type":"object","propertyNames":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,31}$"},"additionalProperties":{"title":"Account","description":"The account name at that provider.","type":"string","pattern":"^\\S{1,256}$"}}}}}};const schema26 = {"title":"GitHub login","description":"A GitHub login: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"};const schema35 = {"title":"Group name","description":"A group name: lower case letters, digits, _ . - (at most 64 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9_.-]{0,63}$"};const schema16 = {"title":"Resource","description":"Something access is granted to.","type":"object","additionalProperties":false,"required":["id","provider","config"],"properties":{"id":{"title":"Id","description":"Unique resource id used in grants: lower case letters, digits, . _ - (at most 100 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,99}$"},"provider":{"title":"Provider","description":"The adapter that grants and revokes: github, postgres or webhook.","type":"string","enum":["github","postgres","webhook"]},"tags":{"title":"Tags","description":"KEY: VALUE metadata that policies select on (env, team, kind, …).","type":"object","propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/tagValue"}},"config":{"title":"Provider config","description":"Provider settings: github { repository } or { team }; postgres { connection_env, roles }; webhook { url, secret_env, timeout }.","type":"object"},"baseline":{"title":"Baseline","description":"Standing access declared in git; revocation returns a person to it, never below.","type":"array","items":{"$ref":"#/definitions/baselineEntry"}},"prune":{"title":"Prune","description":"When true, reconcile removes access at the provider that no grant or baseline explains (default false: only reported as drift).","type":"boolean"}},"allOf":[{"if":{"required":["provider"],"properties":{"provider":{"const":"github"}}},"then":{"properties":{"config":{"$ref":"#/definitions/githubConfig"}}}},{"if":{"required":["provider"],"properties":{"provider":{"const":"postgres"}}},"then":{"properties":{"config":{"$ref":"#/definitions/postgresConfig"}}}},{"if":{"required":["provider"],"properties":{"provider":{"const":"webhook"}}},"then":{"properties":{"config":{"$ref":"#/definitions/webhookConfig"}}}}]};const schema17 = {"title":"github provider config","description":"Exactly one of repository (OWNER/NAME: collaborator access) or team (ORG/SLUG: team membership).","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"repository":{"title":"Repository","description":"OWNER/NAME of the repository.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$"},"team":{"title":"Team","description":"ORG/SLUG of the team (the slug is lower case).","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$"}}};const schema23 = {"title":"Tag key","description":"A tag key: lower case letter first, then lower case letters, digits, _ . - (at most 63 characters).","type":"string","pattern":"^[a-z][a-z0-9_.-]{0,62}$"};const schema24 = {"title":"Tag value","description":"A tag value (1 to 256 characters).","type":"string","minLength":1,"maxLength":256};const pattern7 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$", "u");const pattern8 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$", "u");const schema18 = {"title":"postgres provider config","description":"connection_env (environment variable holding the connection URL) and roles (access level → database role).","type":"object","additionalProperties":false,"required":["connection_env","roles"],"properties":{"connection_env":{"$ref":"#/definitions/envName","title":"Connection variable","description":"Name of the environment variable holding the connection URL."},"roles":{"title":"Roles","description":"Access level → the database role granted for it.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/accessLevel"},"additionalProperties":{"title":"Database role","description":"A PostgreSQL role name, taken literally (case preserved) and always quoted: any characters except NUL, at most 63 bytes (longer names are refused by the provider, as the server would truncate them).","type":"string","pattern":"^[^\\u0000]{1,63}$"}}}};const schema19 = {"title":"Environment variable name","description":"The name of an environment variable (letters, digits, _): secrets never live in git.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"};const schema20 = {"title":"Access level","description":"An access level name (read, write, admin, …): lower case letter first, then lower case letters, digits, _ - (at most 32 characters).","type":"string","pattern":"^[a-z][a-z0-9_-]{0,31}$"};const pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern11 = new RegExp("^[^\\u0000]{1,63}$", "u");function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.connection_env === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "connection_env"},message:"must have required property '"+"connection_env"+"'",schema:schema18.required,parentSchema:schema18,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.roles === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "roles"},message:"must have required property '"+"roles"+"'",schema:schema18.required,parentSchema:schema18,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((key0 === "connection_env") || (key0 === "roles"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.connection_env !== undefined){let data0 = data.connection_env;if(typeof data0 === "string"){if(!pattern9.test(data0)){const err3 = {instancePath:instancePath+"/connection_env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema19,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/connection_env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.roles !== undefined){let data1 = data.roles;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(Object.keys(data1).length < 1){const err5 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema18.properties.roles,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key1 in data1){const _errs7 = errors;if(typeof key1 === "string"){if(!pattern2.test(key1)){const err6 = {instancePath:instancePath+"/roles",schemaPath:"#/definitions/accessLevel/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,31}$",parentSchema:schema20,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/roles",schemaPath:"#/definitions/accessLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.type,parentSchema:schema20,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var valid2 = _errs7 === errors;if(!valid2){const err8 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema18.properties.roles.propertyNames,parentSchema:schema18.properties.roles,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}for(const key2 in data1){let data2 = data1[key2];if(typeof data2 === "string"){if(!pattern11.test(data2)){const err9 = {instancePath:instancePath+"/roles/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/roles/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]{1,63}$"},message:"must match pattern \""+"^[^\\u0000]{1,63}$"+"\"",schema:"^[^\\u0000]{1,63}$",parentSchema:schema18.properties.roles.additionalProperties,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/roles/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/roles/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.roles.additionalProperties.type,parentSchema:schema18.properties.roles.additionalProperties,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.properties.roles.type,parentSchema:schema18.properties.roles,data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}validate15.errors = vErrors;return errors === 0;}const schema21 = {"title":"webhook provider config","description":"url (receives signed grant and revoke calls), secret_env (environment variable holding the signing secret) and, optionally, timeout (of one attempt).","type":"object","additionalProperties":false,"required":["url","secret_env"],"properties":{"url":{"title":"URL","description":"The http(s) URL of the receiver.","type":"string","maxLength":2048,"pattern":"^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"},"secret_env":{"$ref":"#/definitions/envName","title":"Secret variable","description":"Name of the environment variable holding the signing secret."},"timeout":{"title":"Timeout","description":"How long one attempt waits for the receiver's answer before it is retried: whole seconds from 1s to 60s (default 10s).","type":"string","pattern":"^(?:[1-9]|[1-5][0-9]|60)s$"}}};const pattern12 = new RegExp("^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", "u");const pattern14 = new RegExp("^(?:[1-9]|[1-5][0-9]|60)s$", "u");function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.url === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.secret_env === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secret_env"},message:"must have required property '"+"secret_env"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((key0 === "url") || (key0 === "secret_env")) || (key0 === "timeout"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.url !== undefined){let data0 = data.url;if(typeof data0 === "string"){if(func2(data0) > 2048){const err3 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters",schema:2048,parentSchema:schema21.properties.url,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!pattern12.test(data0)){const err4 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"},message:"must match pattern \""+"^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"+"\"",schema:"^https?://[^\\s/?#]+(?:[/?#]\\S*)?$",parentSchema:schema21.properties.url,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.url.type,parentSchema:schema21.properties.url,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.secret_env !== undefined){let data1 = data.secret_env;if(typeof data1 === "string"){if(!pattern9.test(data1)){const err6 = {instancePath:instancePath+"/secret_env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema19,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/secret_env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.timeout !== undefined){let data2 = data.timeout;if(typeof data2 === "string"){if(!pattern14.test(data2)){const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^(?:[1-9]|[1-5][0-9]|60)s$"},message:"must match pattern \""+"^(?:[1-9]|[1-5][0-9]|60)s$"+"\"",schema:"^(?:[1-9]|[1-5][0-9]|60)s$",parentSchema:schema21.properties.timeout,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.timeout.type,parentSchema:schema21.properties.timeout,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}validate17.errors = vErrors;return errors === 0;}const schema25 = {"title":"Baseline entry","description":"Standing access: revocation never goes below it.","type":"object","additionalProperties":false,"required":["person","access"],"properties":{"person":{"$ref":"#/definitions/login","title":"Person","description":"GitHub login of the person with standing access."},"access":{"$ref":"#/definitions/accessLevel","title":"Access","description":"The standing access level."}}};function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.person === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "person"},message:"must have required property '"+"person"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.access === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "access"},message:"must have required property '"+"access"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((key0 === "person") || (key0 === "access"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.person !== undefined){let data0 = data.person;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err3 = {instancePath:instancePath+"/person",schemaPath:"#/definitions/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema26,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/person",schemaPath:"#/definitions/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.access !== undefined){let data1 = data.access;if(typeof data1 === "string"){if(!pattern2.test(data1)){const err5 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/accessLevel/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,31}$",parentSchema:schema20,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/accessLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.type,parentSchema:schema20,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}validate19.errors = vErrors;return errors === 0;}function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs2 = errors;let valid1 = true;const _errs3 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.provider === undefined) && (missing0 = "provider")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.provider !== undefined){if("github" !== data.provider){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}var _valid0 = _errs3 === errors;errors = _errs2;if(vErrors !== null){if(_errs2){vErrors.length = _errs2;}else {vErrors = null;}}if(_valid0){const _errs5 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.config !== undefined){let data1 = data.config;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(Object.keys(data1).length > 1){const err2 = {instancePath:instancePath+"/config",schemaPath:"#/definitions/githubConfig/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema17,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(Object.keys(data1).length < 1){const err3 = {instancePath:instancePath+"/config",schemaPath:"#/definitions/githubConfig/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema17,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key0 in data1){if(!((key0 === "repository") || (key0 === "team"))){const err4 = {instancePath:instancePath+"/config",schemaPath:"#/definitions/githubConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data1.repository !== undefined){let data2 = data1.repository;if(typeof data2 === "string"){if(!pattern7.test(data2)){const err5 = {instancePath:instancePath+"/config/repository",schemaPath:"#/definitions/githubConfig/properties/repository/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}$",parentSchema:schema17.properties.repository,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/config/repository",schemaPath:"#/definitions/githubConfig/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.repository.type,parentSchema:schema17.properties.repository,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data1.team !== undefined){let data3 = data1.team;if(typeof data3 === "string"){if(!pattern8.test(data3)){const err7 = {instancePath:instancePath+"/config/team",schemaPath:"#/definitions/githubConfig/properties/team/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$",parentSchema:schema17.properties.team,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/config/team",schemaPath:"#/definitions/githubConfig/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.team.type,parentSchema:schema17.properties.team,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath:instancePath+"/config",schemaPath:"#/definitions/githubConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}var _valid0 = _errs5 === errors;valid1 = _valid0;}if(!valid1){const err10 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema16.allOf[0].if,parentSchema:schema16.allOf[0],data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}const _errs15 = errors;let valid6 = true;const _errs16 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing1;if((data.provider === undefined) && (missing1 = "provider")){const err11 = {};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}else {if(data.provider !== undefined){if("postgres" !== data.provider){const err12 = {};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}}var _valid1 = _errs16 === errors;errors = _errs15;if(vErrors !== null){if(_errs15){vErrors.length = _errs15;}else {vErrors = null;}}if(_valid1){const _errs18 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.config !== undefined){if(!(validate15(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}}}var _valid1 = _errs18 === errors;valid6 = _valid1;}if(!valid6){const err13 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema16.allOf[1].if,parentSchema:schema16.allOf[1],data};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}const _errs21 = errors;let valid9 = true;const _errs22 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing2;if((data.provider === undefined) && (missing2 = "provider")){const err14 = {};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}else {if(data.provider !== undefined){if("webhook" !== data.provider){const err15 = {};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}}var _valid2 = _errs22 === errors;errors = _errs21;if(vErrors !== null){if(_errs21){vErrors.length = _errs21;}else {vErrors = null;}}if(_valid2){const _errs24 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.config !== undefined){if(!(validate17(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);errors = vErrors.length;}}}var _valid2 = _errs24 === errors;valid9 = _valid2;}if(!valid9){const err16 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema16.allOf[2].if,parentSchema:schema16.allOf[2],data};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.id === undefined){const err17 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema16.required,parentSchema:schema16,data};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data.provider === undefined){const err18 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema16.required,parentSchema:schema16,data};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(data.config === undefined){const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema16.required,parentSchema:schema16,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}for(const key1 in data){if(!((((((key1 === "id") || (key1 === "provider")) || (key1 === "tags")) || (key1 === "config")) || (key1 === "baseline")) || (key1 === "prune"))){const err20 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.id !== undefined){let data8 = data.id;if(typeof data8 === "string"){if(!pattern6.test(data8)){const err21 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,99}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,99}$",parentSchema:schema16.properties.id,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.id.type,parentSchema:schema16.properties.id,data:data8};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.provider !== undefined){let data9 = data.provider;if(typeof data9 !== "string"){const err23 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.provider.type,parentSchema:schema16.properties.provider,data:data9};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(!(((data9 === "github") || (data9 === "postgres")) || (data9 === "webhook"))){const err24 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema16.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema16.properties.provider.enum,parentSchema:schema16.properties.provider,data:data9};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data.tags !== undefined){let data10 = data.tags;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key2 in data10){const _errs33 = errors;if(typeof key2 === "string"){if(!pattern4.test(key2)){const err25 = {instancePath:instancePath+"/tags",schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:key2,propertyName:key2};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/tags",schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:key2,propertyName:key2};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}var valid13 = _errs33 === errors;if(!valid13){const err27 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema16.properties.tags.propertyNames,parentSchema:schema16.properties.tags,data:data10};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}for(const key3 in data10){let data11 = data10[key3];if(typeof data11 === "string"){if(func2(data11) > 256){const err28 = {instancePath:instancePath+"/tags/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema24,data:data11};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(func2(data11) < 1){const err29 = {instancePath:instancePath+"/tags/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24,data:data11};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}else {const err30 = {instancePath:instancePath+"/tags/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.type,parentSchema:schema24,data:data11};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}else {const err31 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.tags.type,parentSchema:schema16.properties.tags,data:data10};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.config !== undefined){let data12 = data.config;if(!(data12 && typeof data12 == "object" && !Array.isArray(data12))){const err32 = {instancePath:instancePath+"/config",schemaPath:"#/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.config.type,parentSchema:schema16.properties.config,data:data12};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.baseline !== undefined){let data13 = data.baseline;if(Array.isArray(data13)){const len0 = data13.length;for(let i0=0; i0<len0; i0++){if(!(validate19(data13[i0], {instancePath:instancePath+"/baseline/" + i0,parentData:data13,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);errors = vErrors.length;}}}else {const err33 = {instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.baseline.type,parentSchema:schema16.properties.baseline,data:data13};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.prune !== undefined){let data15 = data.prune;if(typeof data15 !== "boolean"){const err34 = {instancePath:instancePath+"/prune",schemaPath:"#/properties/prune/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema16.properties.prune.type,parentSchema:schema16.properties.prune,data:data15};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}validate14.errors = vErrors;return errors === 0;}const schema28 = {"title":"Discovery rule","description":"Each repository of a GitHub organization becomes a resource github:ORG/NAME.","type":"object","additionalProperties":false,"required":["provider","org"],"properties":{"provider":{"title":"Provider","description":"Only github can be discovered.","type":"string","enum":["github"]},"org":{"$ref":"#/definitions/login","title":"Organization","description":"The GitHub organization login."},"tags_from":{"title":"Tags from","description":"Where tags come from: custom_properties (the repository's custom properties; the default).","type":"string","enum":["custom_properties"]}}};function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.provider === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema28.required,parentSchema:schema28,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.org === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "org"},message:"must have required property '"+"org"+"'",schema:schema28.required,parentSchema:schema28,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((key0 === "provider") || (key0 === "org")) || (key0 === "tags_from"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema28,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.provider !== undefined){let data0 = data.provider;if(typeof data0 !== "string"){const err3 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.provider.type,parentSchema:schema28.properties.provider,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!(data0 === "github")){const err4 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema28.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema28.properties.provider.enum,parentSchema:schema28.properties.provider,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.org !== undefined){let data1 = data.org;if(typeof data1 === "string"){if(!pattern0.test(data1)){const err5 = {instancePath:instancePath+"/org",schemaPath:"#/definitions/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema26,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/org",schemaPath:"#/definitions/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.tags_from !== undefined){let data2 = data.tags_from;if(typeof data2 !== "string"){const err7 = {instancePath:instancePath+"/tags_from",schemaPath:"#/properties/tags_from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.tags_from.type,parentSchema:schema28.properties.tags_from,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(!(data2 === "custom_properties")){const err8 = {instancePath:instancePath+"/tags_from",schemaPath:"#/properties/tags_from/enum",keyword:"enum",params:{allowedValues: schema28.properties.tags_from.enum},message:"must be equal to one of the allowed values",schema:schema28.properties.tags_from.enum,parentSchema:schema28.properties.tags_from,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}validate22.errors = vErrors;return errors === 0;}const schema31 = {"title":"Person","description":"A GitHub account: numeric id (identity is bound to it), tags, per-provider identities.","type":"object","additionalProperties":false,"properties":{"id":{"title":"GitHub user id","description":"The numeric GitHub user id (https://api.github.com/users/LOGIN); logins can be renamed, ids cannot.","type":"integer","minimum":1,"maximum":9007199254740991},"tags":{"title":"Tags","description":"KEY: VALUE or KEY: [VALUES] (team: [billing, data_science]).","type":"object","propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"title":"Tag value(s)","description":"A value or a non-empty list of values.","anyOf":[{"$ref":"#/definitions/tagValue"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/tagValue"}}]}},"identities":{"title":"Identities","description":"Provider name → the person's account there (e.g. postgres: alice).","type":"object","propertyNames":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,31}$"},"additionalProperties":{"title":"Account","description":"The account name at that provider.","type":"string","pattern":"^\\S{1,256}$"}}}};const pattern23 = new RegExp("^\\S{1,256}$", "u");function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((key0 === "id") || (key0 === "tags")) || (key0 === "identities"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.id !== undefined){let data0 = data.id;if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){const err1 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.id.type,parentSchema:schema31.properties.id,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if((typeof data0 == "number") && (isFinite(data0))){if(data0 > 9007199254740991 || isNaN(data0)){const err2 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema31.properties.id,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data0 < 1 || isNaN(data0)){const err3 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.id,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}if(data.tags !== undefined){let data1 = data.tags;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){for(const key1 in data1){const _errs6 = errors;if(typeof key1 === "string"){if(!pattern4.test(key1)){const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/tags",schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var valid1 = _errs6 === errors;if(!valid1){const err6 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema31.properties.tags.propertyNames,parentSchema:schema31.properties.tags,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}for(const key2 in data1){let data2 = data1[key2];const _errs11 = errors;let valid4 = false;const _errs12 = errors;if(typeof data2 === "string"){if(func2(data2) > 256){const err7 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema24,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(func2(data2) < 1){const err8 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/tagValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.type,parentSchema:schema24,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}var _valid0 = _errs12 === errors;valid4 = valid4 || _valid0;if(!valid4){const _errs15 = errors;if(Array.isArray(data2)){if(data2.length < 1){const err10 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tags/additionalProperties/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.tags.additionalProperties.anyOf[1],data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(typeof data3 === "string"){if(func2(data3) > 256){const err11 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/tagValue/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema24,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(func2(data3) < 1){const err12 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/tagValue/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/tagValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.type,parentSchema:schema24,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tags/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.tags.additionalProperties.anyOf[1].type,parentSchema:schema31.properties.tags.additionalProperties.anyOf[1],data:data2};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}var _valid0 = _errs15 === errors;valid4 = valid4 || _valid0;}if(!valid4){const err15 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tags/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema31.properties.tags.additionalProperties.anyOf,parentSchema:schema31.properties.tags.additionalProperties,data:data2};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}else {errors = _errs11;if(vErrors !== null){if(_errs11){vErrors.length = _errs11;}else {vErrors = null;}}}}}else {const err16 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.tags.type,parentSchema:schema31.properties.tags,data:data1};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.identities !== undefined){let data4 = data.identities;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key3 in data4){const _errs22 = errors;if(typeof key3 === "string"){if(!pattern2.test(key3)){const err17 = {instancePath:instancePath+"/identities",schemaPath:"#/properties/identities/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,31}$",parentSchema:schema31.properties.identities.propertyNames,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/identities",schemaPath:"#/properties/identities/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.identities.propertyNames.type,parentSchema:schema31.properties.identities.propertyNames,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}var valid9 = _errs22 === errors;if(!valid9){const err19 = {instancePath:instancePath+"/identities",schemaPath:"#/properties/identities/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema31.properties.identities.propertyNames,parentSchema:schema31.properties.identities,data:data4};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}for(const key4 in data4){let data5 = data4[key4];if(typeof data5 === "string"){if(!pattern23.test(data5)){const err20 = {instancePath:instancePath+"/identities/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/identities/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^\\S{1,256}$"},message:"must match pattern \""+"^\\S{1,256}$"+"\"",schema:"^\\S{1,256}$",parentSchema:schema31.properties.identities.additionalProperties,data:data5};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/identities/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/identities/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.identities.additionalProperties.type,parentSchema:schema31.properties.identities.additionalProperties,data:data5};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/identities",schemaPath:"#/properties/identities/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.identities.type,parentSchema:schema31.properties.identities,data:data4};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}validate24.errors = vErrors;return errors === 0;}const schema37 = {"title":"Policy","description":"An allow policy (requesters, access) or a deny policy (effect: deny, requesters).","type":"object","additionalProperties":false,"required":["name","resources","requesters"],"properties":{"name":{"title":"Name","description":"Unique policy name: lower case letters, digits, . _ - (at most 100 characters).","type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,99}$"},"description":{"title":"Description","description":"What the policy is for, shown in reports.","type":"string","maxLength":2000},"effect":{"title":"Effect","description":"allow (default) or deny: a matching deny policy whose requesters include the requester forbids the request.","type":"string","enum":["allow","deny"]},"resources":{"$ref":"#/definitions/tagSelector","title":"Resources","description":"The resources the policy applies to, by tags. Must not be empty."},"requesters":{"title":"Requesters","description":"Who the policy is about: for allow, who may request; for deny, who is forbidden.","type":"array","minItems":1,"items":{"$ref":"#/definitions/requesterSelector"}},"access":{"title":"Access levels","description":"Access levels offered (allow policies only), each with its maximum duration and approvals.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/accessLevel"},"additionalProperties":{"$ref":"#/definitions/accessRule"}},"escalate_after":{"$ref":"#/definitions/duration","title":"Escalate after","description":"An open request pull request older than this and not yet approved gets a review request to escalate_to (once). See docs/escalation.md."},"escalate_to":{"title":"Escalate to","description":"Who reconcile requests a review from when escalate_after passes: group:NAME, @ORG/TEAM or logins.","type":"array","minItems":1,"items":{"$ref":"#/definitions/principal"}},"expire_after":{"$ref":"#/definitions/duration","title":"Expire after","description":"An open request pull request older than this is closed by reconcile with a comment saying why. See docs/escalation.md."},"require":{"title":"Requirements","description":"Extra requirements on grants (allow policies only).","type":"object","additionalProperties":false,"properties":{"reason":{"title":"Reason required","description":"The grant must give a reason.","type":"boolean"},"ticket":{"title":"Ticket pattern","description":"A regular expression (anchor it with ^…$) the grant's ticket must match; the ticket becomes required.","type":"string","minLength":1,"maxLength":200}}}},"if":{"required":["effect"],"properties":{"effect":{"const":"deny"}}},"then":{"properties":{"access":false,"require":false}},"else":{"required":["access"],"properties":{"access":true}}};const schema50 = {"title":"Duration","description":"Nm, Nh or Nd (90m, 4h, 2d) or ISO-8601 (PT4H, P1D); more than 0, at most 366 days.","type":"string"};const schema46 = {"title":"Principal","description":"A GitHub login, group:NAME (policies/ groups) or @ORG/TEAM (a GitHub team, active members only).","type":"string","pattern":"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"};const func15 = Object.prototype.hasOwnProperty;const pattern29 = new RegExp("^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$", "u");const schema38 = {"title":"Resource selector","description":"Selects resources by tags; match and expressions must all hold. Must not be empty.","type":"object","additionalProperties":false,"minProperties":1,"properties":{"match":{"$ref":"#/definitions/tagMatch","title":"Match","description":"Tag KEY: VALUE pairs; a value is a string (equals; * and ? are globs) or a list (any of)."},"expressions":{"title":"Expressions","description":"Conditions that must all hold: In, NotIn (with values), Exists, DoesNotExist (without).","type":"array","minItems":1,"items":{"$ref":"#/definitions/expression"}}}};const schema39 = {"title":"Tag match","description":"Tag KEY: VALUE pairs that must all hold.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/tagKey"},"additionalProperties":{"$ref":"#/definitions/matchValue"}};const schema41 = {"title":"Tag value to match","description":"A string (equals; * and ? are globs) or a non-empty list of strings (any of).","anyOf":[{"type":"string","minLength":1,"maxLength":256},{"type":"array","minItems":1,"items":{"type":"string","minLength":1,"maxLength":256}}]};function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length < 1){const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema39,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){const _errs1 = errors;if(typeof key0 === "string"){if(!pattern4.test(key0)){const err1 = {instancePath,schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath,schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var valid0 = _errs1 === errors;if(!valid0){const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema39.propertyNames,parentSchema:schema39,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}for(const key1 in data){let data0 = data[key1];const _errs7 = errors;let valid4 = false;const _errs8 = errors;if(typeof data0 === "string"){if(func2(data0) > 256){const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema41.anyOf[0],data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(func2(data0) < 1){const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema41.anyOf[0],data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.anyOf[0].type,parentSchema:schema41.anyOf[0],data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var _valid0 = _errs8 === errors;valid4 = valid4 || _valid0;if(!valid4){const _errs10 = errors;if(Array.isArray(data0)){if(data0.length < 1){const err7 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema41.anyOf[1],data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(typeof data1 === "string"){if(func2(data1) > 256){const err8 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema41.anyOf[1].items,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(func2(data1) < 1){const err9 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema41.anyOf[1].items,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matchValue/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.anyOf[1].items.type,parentSchema:schema41.anyOf[1].items,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema41.anyOf[1].type,parentSchema:schema41.anyOf[1],data:data0};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}var _valid0 = _errs10 === errors;valid4 = valid4 || _valid0;}if(!valid4){const err12 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matchValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema41.anyOf,parentSchema:schema41,data:data0};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}else {errors = _errs7;if(vErrors !== null){if(_errs7){vErrors.length = _errs7;}else {vErrors = null;}}}}}else {const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}validate28.errors = vErrors;return errors === 0;}const schema42 = {"title":"Tag expression","description":"{ key, operator, values }: In and NotIn need a non-empty values list; Exists and DoesNotExist take none.","type":"object","additionalProperties":false,"required":["key","operator"],"properties":{"key":{"$ref":"#/definitions/tagKey","title":"Key","description":"The tag key to test."},"operator":{"title":"Operator","description":"In, NotIn (a missing key satisfies NotIn), Exists or DoesNotExist.","type":"string","enum":["In","NotIn","Exists","DoesNotExist"]},"values":{"title":"Values","description":"The values for In and NotIn (not globs).","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagValue"}}},"if":{"required":["operator"],"properties":{"operator":{"enum":["In","NotIn"]}}},"then":{"required":["values"],"properties":{"values":true}},"else":{"properties":{"values":false}}};function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = true;const _errs2 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.operator === undefined) && (missing0 = "operator")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.operator !== undefined){let data0 = data.operator;if(!((data0 === "In") || (data0 === "NotIn"))){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}var _valid0 = _errs2 === errors;errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.values === undefined){const err2 = {instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema42.then.required,parentSchema:schema42.then,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}var _valid0 = _errs4 === errors;valid0 = _valid0;ifClause0 = "then";}else {const _errs5 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.values !== undefined){const err3 = {instancePath:instancePath+"/values",schemaPath:"#/else/properties/values/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema42.else.properties.values,data:data.values};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}var _valid0 = _errs5 === errors;valid0 = _valid0;ifClause0 = "else";}if(!valid0){const err4 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema42.if,parentSchema:schema42,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.key === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema42.required,parentSchema:schema42,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.operator === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema42.required,parentSchema:schema42,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(((key0 === "key") || (key0 === "operator")) || (key0 === "values"))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.key !== undefined){let data2 = data.key;if(typeof data2 === "string"){if(!pattern4.test(data2)){const err8 = {instancePath:instancePath+"/key",schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/key",schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.operator !== undefined){let data3 = data.operator;if(typeof data3 !== "string"){const err10 = {instancePath:instancePath+"/operator",schemaPath:"#/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.operator.type,parentSchema:schema42.properties.operator,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(!((((data3 === "In") || (data3 === "NotIn")) || (data3 === "Exists")) || (data3 === "DoesNotExist"))){const err11 = {instancePath:instancePath+"/operator",schemaPath:"#/properties/operator/enum",keyword:"enum",params:{allowedValues: schema42.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema42.properties.operator.enum,parentSchema:schema42.properties.operator,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.values !== undefined){let data4 = data.values;if(Array.isArray(data4)){if(data4.length < 1){const err12 = {instancePath:instancePath+"/values",schemaPath:"#/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema42.properties.values,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}const len0 = data4.length;for(let i0=0; i0<len0; i0++){let data5 = data4[i0];if(typeof data5 === "string"){if(func2(data5) > 256){const err13 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/tagValue/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema24,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(func2(data5) < 1){const err14 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/tagValue/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/tagValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.type,parentSchema:schema24,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/values",schemaPath:"#/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema42.properties.values.type,parentSchema:schema42.properties.values,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}validate30.errors = vErrors;return errors === 0;}function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length < 1){const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema38,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((key0 === "match") || (key0 === "expressions"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.match !== undefined){if(!(validate28(data.match, {instancePath:instancePath+"/match",parentData:data,parentDataProperty:"match",rootData}))){vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);errors = vErrors.length;}}if(data.expressions !== undefined){let data1 = data.expressions;if(Array.isArray(data1)){if(data1.length < 1){const err2 = {instancePath:instancePath+"/expressions",schemaPath:"#/properties/expressions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema38.properties.expressions,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}const len0 = data1.length;for(let i0=0; i0<len0; i0++){if(!(validate30(data1[i0], {instancePath:instancePath+"/expressions/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);errors = vErrors.length;}}}else {const err3 = {instancePath:instancePath+"/expressions",schemaPath:"#/properties/expressions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.expressions.type,parentSchema:schema38.properties.expressions,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}validate27.errors = vErrors;return errors === 0;}const schema45 = {"title":"Requester selector","description":"A login, group:NAME, @ORG/TEAM, { tags: {...} } (people whose tags match) or { same_tags: [KEY] } (the requester's KEY values include the resource's KEY value).","anyOf":[{"$ref":"#/definitions/principal"},{"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"tags":{"$ref":"#/definitions/tagMatch","title":"Tags","description":"People (policies/ people) whose tags match."},"same_tags":{"title":"Same tags","description":"Tag keys whose resource value must be among the requester's values for that key.","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagKey"}}}}]};function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs0 = errors;let valid0 = false;const _errs1 = errors;if(typeof data === "string"){if(!pattern29.test(data)){const err0 = {instancePath,schemaPath:"#/definitions/principal/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"+"\"",schema:"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$",parentSchema:schema46,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}else {const err1 = {instancePath,schemaPath:"#/definitions/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.type,parentSchema:schema46,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs1 === errors;valid0 = valid0 || _valid0;if(!valid0){const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length > 1){const err2 = {instancePath,schemaPath:"#/anyOf/1/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema45.anyOf[1],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(Object.keys(data).length < 1){const err3 = {instancePath,schemaPath:"#/anyOf/1/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema45.anyOf[1],data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key0 in data){if(!((key0 === "tags") || (key0 === "same_tags"))){const err4 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema45.anyOf[1],data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.tags !== undefined){if(!(validate28(data.tags, {instancePath:instancePath+"/tags",parentData:data,parentDataProperty:"tags",rootData}))){vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);errors = vErrors.length;}}if(data.same_tags !== undefined){let data1 = data.same_tags;if(Array.isArray(data1)){if(data1.length < 1){const err5 = {instancePath:instancePath+"/same_tags",schemaPath:"#/anyOf/1/properties/same_tags/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema45.anyOf[1].properties.same_tags,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(typeof data2 === "string"){if(!pattern4.test(data2)){const err6 = {instancePath:instancePath+"/same_tags/" + i0,schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/same_tags/" + i0,schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath:instancePath+"/same_tags",schemaPath:"#/anyOf/1/properties/same_tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.anyOf[1].properties.same_tags.type,parentSchema:schema45.anyOf[1].properties.same_tags,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.anyOf[1].type,parentSchema:schema45.anyOf[1],data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}var _valid0 = _errs4 === errors;valid0 = valid0 || _valid0;}if(!valid0){const err10 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema45.anyOf,parentSchema:schema45,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate33.errors = vErrors;return errors === 0;}const schema49 = {"title":"Access rule","description":"What requesting this access level takes: the longest duration and the approvals.","type":"object","additionalProperties":false,"required":["max_duration","approvals"],"properties":{"max_duration":{"$ref":"#/definitions/duration","title":"Maximum duration","description":"The longest duration a grant may ask for (4h, 2d, PT8H)."},"approvals":{"title":"Approvals","description":"Approval rules that must all be satisfied ([] for none; must be [] on a break-glass level).","type":"array","items":{"$ref":"#/definitions/approvalRule"}},"max_extensions":{"title":"Maximum extensions","description":"How many times one original grant may be extended (extends:), counting the whole chain. 0 forbids extensions. See docs/extension.md.","type":"integer","minimum":0,"maximum":100},"max_hours_per_30d":{"title":"Maximum hours per 30 days","description":"Total granted hours per person, per value of the resource tags in by, over any rolling 30 days (windows from git history). See docs/extension.md.","type":"object","additionalProperties":false,"required":["hours","by"],"properties":{"hours":{"title":"Hours","description":"The most hours in any 30 days.","type":"integer","minimum":1,"maximum":720},"by":{"title":"By tags","description":"Resource tag keys the total is counted per value of (e.g. [env] or [team, env]).","type":"array","minItems":1,"items":{"$ref":"#/definitions/tagKey"}}}},"escalate_after":{"$ref":"#/definitions/duration","title":"Escalate after","description":"An open request pull request older than this and not yet approved gets a review request to escalate_to (once). See docs/escalation.md."},"escalate_to":{"title":"Escalate to","description":"Who reconcile requests a review from when escalate_after passes: group:NAME, @ORG/TEAM or logins.","type":"array","minItems":1,"items":{"$ref":"#/definitions/principal"}},"expire_after":{"$ref":"#/definitions/duration","title":"Expire after","description":"An open request pull request older than this is closed by reconcile with a comment saying why. See docs/escalation.md."},"break_glass":{"title":"Break-glass","description":"Granted on merge WITHOUT approvals; one of reviewers must approve the merged pull request within review_within of the merge, or reconcile revokes the access early. max_duration must be at most 4h. See docs/break-glass.md.","type":"object","additionalProperties":false,"required":["review_within","reviewers"],"properties":{"review_within":{"$ref":"#/definitions/duration","title":"Review within","description":"How long after the merge the retro-review may take (e.g. 1h, 24h)."},"reviewers":{"title":"Reviewers","description":"Who may give the retro-review: approver selectors (login, group:NAME, @ORG/TEAM, { tags }).","type":"array","minItems":1,"items":{"$ref":"#/definitions/approverSelector"}}}}},"if":{"required":["break_glass"],"properties":{"break_glass":true}},"then":{"properties":{"approvals":{"type":"array","maxItems":0}}}};const schema51 = {"title":"Approval rule","description":"count approvals from distinct people chosen by from.","type":"object","additionalProperties":false,"required":["from","count"],"properties":{"from":{"title":"From","description":"codeowners (the owners of the grant file in the base branch's CODEOWNERS) or a list of approver selectors.","anyOf":[{"type":"string","pattern":"^codeowners$"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/approverSelector"}}]},"count":{"title":"Count","description":"How many distinct approvers are needed (at least 1).","type":"integer","minimum":1,"maximum":100}}};const pattern32 = new RegExp("^codeowners$", "u");const schema52 = {"title":"Approver selector","description":"A login, group:NAME, @ORG/TEAM or { tags: {...} } (people whose tags match).","anyOf":[{"$ref":"#/definitions/principal"},{"type":"object","additionalProperties":false,"required":["tags"],"properties":{"tags":{"$ref":"#/definitions/tagMatch","title":"Tags","description":"People (policies/ people) whose tags match."}}}]};function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs0 = errors;let valid0 = false;const _errs1 = errors;if(typeof data === "string"){if(!pattern29.test(data)){const err0 = {instancePath,schemaPath:"#/definitions/principal/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"+"\"",schema:"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$",parentSchema:schema46,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}else {const err1 = {instancePath,schemaPath:"#/definitions/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.type,parentSchema:schema46,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs1 === errors;valid0 = valid0 || _valid0;if(!valid0){const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.tags === undefined){const err2 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'",schema:schema52.anyOf[1].required,parentSchema:schema52.anyOf[1],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!(key0 === "tags")){const err3 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52.anyOf[1],data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.tags !== undefined){if(!(validate28(data.tags, {instancePath:instancePath+"/tags",parentData:data,parentDataProperty:"tags",rootData}))){vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);errors = vErrors.length;}}}else {const err4 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.anyOf[1].type,parentSchema:schema52.anyOf[1],data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var _valid0 = _errs4 === errors;valid0 = valid0 || _valid0;}if(!valid0){const err5 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema52.anyOf,parentSchema:schema52,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}else {errors = _errs0;if(vErrors !== null){if(_errs0){vErrors.length = _errs0;}else {vErrors = null;}}}validate38.errors = vErrors;return errors === 0;}function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.from === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema51.required,parentSchema:schema51,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.count === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema51.required,parentSchema:schema51,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((key0 === "from") || (key0 === "count"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema51,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.from !== undefined){let data0 = data.from;const _errs3 = errors;let valid1 = false;const _errs4 = errors;if(typeof data0 === "string"){if(!pattern32.test(data0)){const err3 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^codeowners$"},message:"must match pattern \""+"^codeowners$"+"\"",schema:"^codeowners$",parentSchema:schema51.properties.from.anyOf[0],data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.from.anyOf[0].type,parentSchema:schema51.properties.from.anyOf[0],data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var _valid0 = _errs4 === errors;valid1 = valid1 || _valid0;if(!valid1){const _errs6 = errors;if(Array.isArray(data0)){if(data0.length < 1){const err5 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema51.properties.from.anyOf[1],data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}const len0 = data0.length;for(let i0=0; i0<len0; i0++){if(!(validate38(data0[i0], {instancePath:instancePath+"/from/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);errors = vErrors.length;}}}else {const err6 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema51.properties.from.anyOf[1].type,parentSchema:schema51.properties.from.anyOf[1],data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var _valid0 = _errs6 === errors;valid1 = valid1 || _valid0;}if(!valid1){const err7 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema51.properties.from.anyOf,parentSchema:schema51.properties.from,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}else {errors = _errs3;if(vErrors !== null){if(_errs3){vErrors.length = _errs3;}else {vErrors = null;}}}}if(data.count !== undefined){let data2 = data.count;if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){const err8 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema51.properties.count.type,parentSchema:schema51.properties.count,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 > 100 || isNaN(data2)){const err9 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema51.properties.count,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data2 < 1 || isNaN(data2)){const err10 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema51.properties.count,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}}else {const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}validate37.errors = vErrors;return errors === 0;}function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = true;const _errs2 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.break_glass === undefined) && (missing0 = "break_glass")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}var _valid0 = _errs2 === errors;errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}if(_valid0){const _errs3 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.approvals !== undefined){let data0 = data.approvals;if(Array.isArray(data0)){if(data0.length > 0){const err1 = {instancePath:instancePath+"/approvals",schemaPath:"#/then/properties/approvals/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema49.then.properties.approvals,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath:instancePath+"/approvals",schemaPath:"#/then/properties/approvals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.then.properties.approvals.type,parentSchema:schema49.then.properties.approvals,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}var _valid0 = _errs3 === errors;valid0 = _valid0;}if(!valid0){const err3 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema49.if,parentSchema:schema49,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.max_duration === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "max_duration"},message:"must have required property '"+"max_duration"+"'",schema:schema49.required,parentSchema:schema49,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.approvals === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "approvals"},message:"must have required property '"+"approvals"+"'",schema:schema49.required,parentSchema:schema49,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key0 in data){if(!((((((((key0 === "max_duration") || (key0 === "approvals")) || (key0 === "max_extensions")) || (key0 === "max_hours_per_30d")) || (key0 === "escalate_after")) || (key0 === "escalate_to")) || (key0 === "expire_after")) || (key0 === "break_glass"))){const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.max_duration !== undefined){let data1 = data.max_duration;if(typeof data1 !== "string"){const err7 = {instancePath:instancePath+"/max_duration",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.approvals !== undefined){let data2 = data.approvals;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(validate37(data2[i0], {instancePath:instancePath+"/approvals/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}}else {const err8 = {instancePath:instancePath+"/approvals",schemaPath:"#/properties/approvals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.approvals.type,parentSchema:schema49.properties.approvals,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.max_extensions !== undefined){let data4 = data.max_extensions;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err9 = {instancePath:instancePath+"/max_extensions",schemaPath:"#/properties/max_extensions/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.max_extensions.type,parentSchema:schema49.properties.max_extensions,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if((typeof data4 == "number") && (isFinite(data4))){if(data4 > 100 || isNaN(data4)){const err10 = {instancePath:instancePath+"/max_extensions",schemaPath:"#/properties/max_extensions/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema49.properties.max_extensions,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data4 < 0 || isNaN(data4)){const err11 = {instancePath:instancePath+"/max_extensions",schemaPath:"#/properties/max_extensions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.max_extensions,data:data4};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}if(data.max_hours_per_30d !== undefined){let data5 = data.max_hours_per_30d;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.hours === undefined){const err12 = {instancePath:instancePath+"/max_hours_per_30d",schemaPath:"#/properties/max_hours_per_30d/required",keyword:"required",params:{missingProperty: "hours"},message:"must have required property '"+"hours"+"'",schema:schema49.properties.max_hours_per_30d.required,parentSchema:schema49.properties.max_hours_per_30d,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(data5.by === undefined){const err13 = {instancePath:instancePath+"/max_hours_per_30d",schemaPath:"#/properties/max_hours_per_30d/required",keyword:"required",params:{missingProperty: "by"},message:"must have required property '"+"by"+"'",schema:schema49.properties.max_hours_per_30d.required,parentSchema:schema49.properties.max_hours_per_30d,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}for(const key1 in data5){if(!((key1 === "hours") || (key1 === "by"))){const err14 = {instancePath:instancePath+"/max_hours_per_30d",schemaPath:"#/properties/max_hours_per_30d/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema49.properties.max_hours_per_30d,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data5.hours !== undefined){let data6 = data5.hours;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err15 = {instancePath:instancePath+"/max_hours_per_30d/hours",schemaPath:"#/properties/max_hours_per_30d/properties/hours/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.max_hours_per_30d.properties.hours.type,parentSchema:schema49.properties.max_hours_per_30d.properties.hours,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 720 || isNaN(data6)){const err16 = {instancePath:instancePath+"/max_hours_per_30d/hours",schemaPath:"#/properties/max_hours_per_30d/properties/hours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 720},message:"must be <= 720",schema:720,parentSchema:schema49.properties.max_hours_per_30d.properties.hours,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(data6 < 1 || isNaN(data6)){const err17 = {instancePath:instancePath+"/max_hours_per_30d/hours",schemaPath:"#/properties/max_hours_per_30d/properties/hours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema49.properties.max_hours_per_30d.properties.hours,data:data6};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}if(data5.by !== undefined){let data7 = data5.by;if(Array.isArray(data7)){if(data7.length < 1){const err18 = {instancePath:instancePath+"/max_hours_per_30d/by",schemaPath:"#/properties/max_hours_per_30d/properties/by/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.max_hours_per_30d.properties.by,data:data7};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}const len1 = data7.length;for(let i1=0; i1<len1; i1++){let data8 = data7[i1];if(typeof data8 === "string"){if(!pattern4.test(data8)){const err19 = {instancePath:instancePath+"/max_hours_per_30d/by/" + i1,schemaPath:"#/definitions/tagKey/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_.-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_.-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_.-]{0,62}$",parentSchema:schema23,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/max_hours_per_30d/by/" + i1,schemaPath:"#/definitions/tagKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:data8};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/max_hours_per_30d/by",schemaPath:"#/properties/max_hours_per_30d/properties/by/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.max_hours_per_30d.properties.by.type,parentSchema:schema49.properties.max_hours_per_30d.properties.by,data:data7};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/max_hours_per_30d",schemaPath:"#/properties/max_hours_per_30d/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.properties.max_hours_per_30d.type,parentSchema:schema49.properties.max_hours_per_30d,data:data5};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.escalate_after !== undefined){let data9 = data.escalate_after;if(typeof data9 !== "string"){const err23 = {instancePath:instancePath+"/escalate_after",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data9};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.escalate_to !== undefined){let data10 = data.escalate_to;if(Array.isArray(data10)){if(data10.length < 1){const err24 = {instancePath:instancePath+"/escalate_to",schemaPath:"#/properties/escalate_to/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.escalate_to,data:data10};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}const len2 = data10.length;for(let i2=0; i2<len2; i2++){let data11 = data10[i2];if(typeof data11 === "string"){if(!pattern29.test(data11)){const err25 = {instancePath:instancePath+"/escalate_to/" + i2,schemaPath:"#/definitions/principal/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"+"\"",schema:"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$",parentSchema:schema46,data:data11};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/escalate_to/" + i2,schemaPath:"#/definitions/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.type,parentSchema:schema46,data:data11};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/escalate_to",schemaPath:"#/properties/escalate_to/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.escalate_to.type,parentSchema:schema49.properties.escalate_to,data:data10};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.expire_after !== undefined){let data12 = data.expire_after;if(typeof data12 !== "string"){const err28 = {instancePath:instancePath+"/expire_after",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data12};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.break_glass !== undefined){let data13 = data.break_glass;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.review_within === undefined){const err29 = {instancePath:instancePath+"/break_glass",schemaPath:"#/properties/break_glass/required",keyword:"required",params:{missingProperty: "review_within"},message:"must have required property '"+"review_within"+"'",schema:schema49.properties.break_glass.required,parentSchema:schema49.properties.break_glass,data:data13};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(data13.reviewers === undefined){const err30 = {instancePath:instancePath+"/break_glass",schemaPath:"#/properties/break_glass/required",keyword:"required",params:{missingProperty: "reviewers"},message:"must have required property '"+"reviewers"+"'",schema:schema49.properties.break_glass.required,parentSchema:schema49.properties.break_glass,data:data13};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}for(const key2 in data13){if(!((key2 === "review_within") || (key2 === "reviewers"))){const err31 = {instancePath:instancePath+"/break_glass",schemaPath:"#/properties/break_glass/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema49.properties.break_glass,data:data13};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data13.review_within !== undefined){let data14 = data13.review_within;if(typeof data14 !== "string"){const err32 = {instancePath:instancePath+"/break_glass/review_within",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data14};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data13.reviewers !== undefined){let data15 = data13.reviewers;if(Array.isArray(data15)){if(data15.length < 1){const err33 = {instancePath:instancePath+"/break_glass/reviewers",schemaPath:"#/properties/break_glass/properties/reviewers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.break_glass.properties.reviewers,data:data15};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}const len3 = data15.length;for(let i3=0; i3<len3; i3++){if(!(validate38(data15[i3], {instancePath:instancePath+"/break_glass/reviewers/" + i3,parentData:data15,parentDataProperty:i3,rootData}))){vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);errors = vErrors.length;}}}else {const err34 = {instancePath:instancePath+"/break_glass/reviewers",schemaPath:"#/properties/break_glass/properties/reviewers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.break_glass.properties.reviewers.type,parentSchema:schema49.properties.break_glass.properties.reviewers,data:data15};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath:instancePath+"/break_glass",schemaPath:"#/properties/break_glass/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.properties.break_glass.type,parentSchema:schema49.properties.break_glass,data:data13};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}}else {const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}validate36.errors = vErrors;return errors === 0;}function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = true;const _errs2 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.effect === undefined) && (missing0 = "effect")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.effect !== undefined){if("deny" !== data.effect){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}var _valid0 = _errs2 === errors;errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.access !== undefined){const err2 = {instancePath:instancePath+"/access",schemaPath:"#/then/properties/access/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema37.then.properties.access,data:data.access};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.require !== undefined){const err3 = {instancePath:instancePath+"/require",schemaPath:"#/then/properties/require/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema37.then.properties.require,data:data.require};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}var _valid0 = _errs4 === errors;valid0 = _valid0;ifClause0 = "then";}else {const _errs5 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.access === undefined){const err4 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "access"},message:"must have required property '"+"access"+"'",schema:schema37.else.required,parentSchema:schema37.else,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}var _valid0 = _errs5 === errors;valid0 = _valid0;ifClause0 = "else";}if(!valid0){const err5 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema37.if,parentSchema:schema37,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.required,parentSchema:schema37,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data.resources === undefined){const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "resources"},message:"must have required property '"+"resources"+"'",schema:schema37.required,parentSchema:schema37,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.requesters === undefined){const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "requesters"},message:"must have required property '"+"requesters"+"'",schema:schema37.required,parentSchema:schema37,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}for(const key0 in data){if(!(func15.call(schema37.properties, key0))){const err9 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.name !== undefined){let data3 = data.name;if(typeof data3 === "string"){if(!pattern6.test(data3)){const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,99}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,99}$"+"\"",schema:"^[a-z0-9][a-z0-9._-]{0,99}$",parentSchema:schema37.properties.name,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.name.type,parentSchema:schema37.properties.name,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.description !== undefined){let data4 = data.description;if(typeof data4 === "string"){if(func2(data4) > 2000){const err12 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema37.properties.description,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.description.type,parentSchema:schema37.properties.description,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.effect !== undefined){let data5 = data.effect;if(typeof data5 !== "string"){const err14 = {instancePath:instancePath+"/effect",schemaPath:"#/properties/effect/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.effect.type,parentSchema:schema37.properties.effect,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(!((data5 === "allow") || (data5 === "deny"))){const err15 = {instancePath:instancePath+"/effect",schemaPath:"#/properties/effect/enum",keyword:"enum",params:{allowedValues: schema37.properties.effect.enum},message:"must be equal to one of the allowed values",schema:schema37.properties.effect.enum,parentSchema:schema37.properties.effect,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.resources !== undefined){if(!(validate27(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);errors = vErrors.length;}}if(data.requesters !== undefined){let data7 = data.requesters;if(Array.isArray(data7)){if(data7.length < 1){const err16 = {instancePath:instancePath+"/requesters",schemaPath:"#/properties/requesters/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37.properties.requesters,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}const len0 = data7.length;for(let i0=0; i0<len0; i0++){if(!(validate33(data7[i0], {instancePath:instancePath+"/requesters/" + i0,parentData:data7,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);errors = vErrors.length;}}}else {const err17 = {instancePath:instancePath+"/requesters",schemaPath:"#/properties/requesters/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.requesters.type,parentSchema:schema37.properties.requesters,data:data7};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.access !== undefined){let data9 = data.access;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(Object.keys(data9).length < 1){const err18 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema37.properties.access,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}for(const key1 in data9){const _errs19 = errors;if(typeof key1 === "string"){if(!pattern2.test(key1)){const err19 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/accessLevel/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,31}$",parentSchema:schema20,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/access",schemaPath:"#/definitions/accessLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.type,parentSchema:schema20,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}var valid6 = _errs19 === errors;if(!valid6){const err21 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema37.properties.access.propertyNames,parentSchema:schema37.properties.access,data:data9};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}for(const key2 in data9){if(!(validate36(data9[key2], {instancePath:instancePath+"/access/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data9,parentDataProperty:key2,rootData}))){vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);errors = vErrors.length;}}}else {const err22 = {instancePath:instancePath+"/access",schemaPath:"#/properties/access/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.access.type,parentSchema:schema37.properties.access,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.escalate_after !== undefined){let data11 = data.escalate_after;if(typeof data11 !== "string"){const err23 = {instancePath:instancePath+"/escalate_after",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.escalate_to !== undefined){let data12 = data.escalate_to;if(Array.isArray(data12)){if(data12.length < 1){const err24 = {instancePath:instancePath+"/escalate_to",schemaPath:"#/properties/escalate_to/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37.properties.escalate_to,data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}const len1 = data12.length;for(let i1=0; i1<len1; i1++){let data13 = data12[i1];if(typeof data13 === "string"){if(!pattern29.test(data13)){const err25 = {instancePath:instancePath+"/escalate_to/" + i1,schemaPath:"#/definitions/principal/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"+"\"",schema:"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|group:[a-z0-9][a-z0-9_.-]{0,63}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$",parentSchema:schema46,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/escalate_to/" + i1,schemaPath:"#/definitions/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.type,parentSchema:schema46,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/escalate_to",schemaPath:"#/properties/escalate_to/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.escalate_to.type,parentSchema:schema37.properties.escalate_to,data:data12};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.expire_after !== undefined){let data14 = data.expire_after;if(typeof data14 !== "string"){const err28 = {instancePath:instancePath+"/expire_after",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.require !== undefined){let data15 = data.require;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){for(const key3 in data15){if(!((key3 === "reason") || (key3 === "ticket"))){const err29 = {instancePath:instancePath+"/require",schemaPath:"#/properties/require/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema37.properties.require,data:data15};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data15.reason !== undefined){let data16 = data15.reason;if(typeof data16 !== "boolean"){const err30 = {instancePath:instancePath+"/require/reason",schemaPath:"#/properties/require/properties/reason/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.require.properties.reason.type,parentSchema:schema37.properties.require.properties.reason,data:data16};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data15.ticket !== undefined){let data17 = data15.ticket;if(typeof data17 === "string"){if(func2(data17) > 200){const err31 = {instancePath:instancePath+"/require/ticket",schemaPath:"#/properties/require/properties/ticket/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema37.properties.require.properties.ticket,data:data17};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if(func2(data17) < 1){const err32 = {instancePath:instancePath+"/require/ticket",schemaPath:"#/properties/require/properties/ticket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.require.properties.ticket,data:data17};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/require/ticket",schemaPath:"#/properties/require/properties/ticket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.require.properties.ticket.type,parentSchema:schema37.properties.require.properties.ticket,data:data17};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/require",schemaPath:"#/properties/require/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.require.type,parentSchema:schema37.properties.require,data:data15};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}validate26.errors = vErrors;return errors === 0;}const schema62 = {"title":"Notifications","description":"Chat notifications (a Slack-compatible incoming webhook) about requests, approvals, grants, expiry warnings and revocations. Best effort: a failed notification never fails a command. See docs/notifications.md.","type":"object","additionalProperties":false,"required":["webhook_env"],"properties":{"webhook_env":{"$ref":"#/definitions/envName","title":"Webhook URL variable","description":"The environment variable holding the incoming-webhook URL (https, or http on loopback only): the URL never lives in git."},"expiry_warning":{"$ref":"#/definitions/duration","title":"Expiry warning","description":"Warn once when an active grant ends within this (default 1h)."},"events":{"title":"Events","description":"Which events are sent (default: all of request, approval, grant, expiry-warning, revocation).","type":"array","uniqueItems":true,"items":{"type":"string","enum":["request","approval","grant","expiry-warning","revocation"]}}}};function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.webhook_env === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "webhook_env"},message:"must have required property '"+"webhook_env"+"'",schema:schema62.required,parentSchema:schema62,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((key0 === "webhook_env") || (key0 === "expiry_warning")) || (key0 === "events"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.webhook_env !== undefined){let data0 = data.webhook_env;if(typeof data0 === "string"){if(!pattern9.test(data0)){const err2 = {instancePath:instancePath+"/webhook_env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema19,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/webhook_env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.expiry_warning !== undefined){let data1 = data.expiry_warning;if(typeof data1 !== "string"){const err4 = {instancePath:instancePath+"/expiry_warning",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.type,parentSchema:schema50,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.events !== undefined){let data2 = data.events;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(typeof data3 !== "string"){const err5 = {instancePath:instancePath+"/events/" + i0,schemaPath:"#/properties/events/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.properties.events.items.type,parentSchema:schema62.properties.events.items,data:data3};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!(((((data3 === "request") || (data3 === "approval")) || (data3 === "grant")) || (data3 === "expiry-warning")) || (data3 === "revocation"))){const err6 = {instancePath:instancePath+"/events/" + i0,schemaPath:"#/properties/events/items/enum",keyword:"enum",params:{allowedValues: schema62.properties.events.items.enum},message:"must be equal to one of the allowed values",schema:schema62.properties.events.items.enum,parentSchema:schema62.properties.events.items,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}let i1 = data2.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data2[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err7 = {instancePath:instancePath+"/events",schemaPath:"#/properties/events/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema62.properties.events,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;break;}indices0[item0] = i1;}}}else {const err8 = {instancePath:instancePath+"/events",schemaPath:"#/properties/events/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema62.properties.events.type,parentSchema:schema62.properties.events,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}validate46.errors = vErrors;return errors === 0;}const pattern24 = new RegExp("^[a-z0-9][a-z0-9_.-]{0,63}$", "u");function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://gitgrant.dev/schemas/policies.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((((key0 === "resources") || (key0 === "discover")) || (key0 === "people")) || (key0 === "groups")) || (key0 === "policies")) || (key0 === "settings"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.resources !== undefined){let data0 = data.resources;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){if(!(validate14(data0[i0], {instancePath:instancePath+"/resources/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);errors = vErrors.length;}}}else {const err1 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.resources.type,parentSchema:schema15.properties.resources,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.discover !== undefined){let data2 = data.discover;if(Array.isArray(data2)){const len1 = data2.length;for(let i1=0; i1<len1; i1++){if(!(validate22(data2[i1], {instancePath:instancePath+"/discover/" + i1,parentData:data2,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);errors = vErrors.length;}}}else {const err2 = {instancePath:instancePath+"/discover",schemaPath:"#/properties/discover/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.discover.type,parentSchema:schema15.properties.discover,data:data2};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.people !== undefined){let data4 = data.people;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){for(const key1 in data4){const _errs10 = errors;if(typeof key1 === "string"){if(!pattern0.test(key1)){const err3 = {instancePath:instancePath+"/people",schemaPath:"#/definitions/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema26,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/people",schemaPath:"#/definitions/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var valid5 = _errs10 === errors;if(!valid5){const err5 = {instancePath:instancePath+"/people",schemaPath:"#/properties/people/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema15.properties.people.propertyNames,parentSchema:schema15.properties.people,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}for(const key2 in data4){if(!(validate24(data4[key2], {instancePath:instancePath+"/people/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data4,parentDataProperty:key2,rootData}))){vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);errors = vErrors.length;}}}else {const err6 = {instancePath:instancePath+"/people",schemaPath:"#/properties/people/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.people.type,parentSchema:schema15.properties.people,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.groups !== undefined){let data6 = data.groups;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){for(const key3 in data6){const _errs17 = errors;if(typeof key3 === "string"){if(!pattern24.test(key3)){const err7 = {instancePath:instancePath+"/groups",schemaPath:"#/definitions/groupName/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]{0,63}$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]{0,63}$",parentSchema:schema35,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/groups",schemaPath:"#/definitions/groupName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}var valid8 = _errs17 === errors;if(!valid8){const err9 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema15.properties.groups.propertyNames,parentSchema:schema15.properties.groups,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}for(const key4 in data6){let data7 = data6[key4];if(Array.isArray(data7)){const len2 = data7.length;for(let i2=0; i2<len2; i2++){let data8 = data7[i2];if(typeof data8 === "string"){if(!pattern0.test(data8)){const err10 = {instancePath:instancePath+"/groups/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/login/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",parentSchema:schema26,data:data8};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/groups/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data8};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/groups/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/groups/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.groups.additionalProperties.type,parentSchema:schema15.properties.groups.additionalProperties,data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.groups.type,parentSchema:schema15.properties.groups,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.policies !== undefined){let data9 = data.policies;if(Array.isArray(data9)){const len3 = data9.length;for(let i3=0; i3<len3; i3++){if(!(validate26(data9[i3], {instancePath:instancePath+"/policies/" + i3,parentData:data9,parentDataProperty:i3,rootData}))){vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);errors = vErrors.length;}}}else {const err14 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.policies.type,parentSchema:schema15.properties.policies,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.settings !== undefined){let data11 = data.settings;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key5 in data11){if(!(((key5 === "admins") || (key5 === "revocation")) || (key5 === "notifications"))){const err15 = {instancePath:instancePath+"/settings",schemaPath:"#/properties/settings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties.settings,data:data11};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data11.admins !== undefined){if(!(validate37(data11.admins, {instancePath:instancePath+"/settings/admins",parentData:data11,parentDataProperty:"admins",rootData}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}if(data11.revocation !== undefined){let data13 = data11.revocation;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.mode === undefined){const err16 = {instancePath:instancePath+"/settings/revocation",schemaPath:"#/properties/settings/properties/revocation/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema15.properties.settings.properties.revocation.required,parentSchema:schema15.properties.settings.properties.revocation,data:data13};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}for(const key6 in data13){if(!(key6 === "mode")){const err17 = {instancePath:instancePath+"/settings/revocation",schemaPath:"#/properties/settings/properties/revocation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties.settings.properties.revocation,data:data13};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data13.mode !== undefined){let data14 = data13.mode;if(typeof data14 !== "string"){const err18 = {instancePath:instancePath+"/settings/revocation/mode",schemaPath:"#/properties/settings/properties/revocation/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.settings.properties.revocation.properties.mode.type,parentSchema:schema15.properties.settings.properties.revocation.properties.mode,data:data14};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(!((data14 === "pull-request") || (data14 === "commit"))){const err19 = {instancePath:instancePath+"/settings/revocation/mode",schemaPath:"#/properties/settings/properties/revocation/properties/mode/enum",keyword:"enum",params:{allowedValues: schema15.properties.settings.properties.revocation.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema15.properties.settings.properties.revocation.properties.mode.enum,parentSchema:schema15.properties.settings.properties.revocation.properties.mode,data:data14};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/settings/revocation",schemaPath:"#/properties/settings/properties/revocation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.settings.properties.revocation.type,parentSchema:schema15.properties.settings.properties.revocation,data:data13};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data11.notifications !== undefined){if(!(validate46(data11.notifications, {instancePath:instancePath+"/settings/notifications",parentData:data11,parentDataProperty:"notifications",rootData}))){vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);errors = vErrors.length;}}}else {const err21 = {instancePath:instancePath+"/settings",schemaPath:"#/properties/settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.settings.type,parentSchema:schema15.properties.settings,data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}validate13.errors = vErrors;return errors === 0;}const prFacts = validate48;const schema65 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://gitgrant.dev/schemas/pr-facts.schema.json","title":"gitgrant pull-request facts (gitgrant validate --pr)","description":"The facts of a pull request, in GitHub's own field names.","type":"object","additionalProperties":false,"required":["number","author","head_sha","changed_files","commit_authors","reviews"],"definitions":{"user":{"type":"object","required":["login"],"properties":{"login":{"type":"string","minLength":1},"id":{"type":"integer"},"type":{"type":"string"}}}},"properties":{"number":{"type":"integer","minimum":1},"author":{"$ref":"#/definitions/user"},"head_sha":{"type":"string","minLength":1},"base_sha":{"type":"string"},"changed_files":{"type":"array","items":{"type":"object","required":["path","status"],"properties":{"path":{"type":"string","minLength":1},"status":{"enum":["added","removed","modified","renamed","copied","changed","unchanged"]},"previous_filename":{"type":"string"}}}},"commit_authors":{"type":"array","items":{"$ref":"#/definitions/user"}},"reviews":{"type":"array","items":{"type":"object","required":["user","state","commit_id"],"properties":{"id":{"type":"integer"},"user":{"anyOf":[{"$ref":"#/definitions/user"},{"type":"null"}]},"state":{"enum":["APPROVED","CHANGES_REQUESTED","COMMENTED","DISMISSED","PENDING"]},"commit_id":{"type":"string"},"submitted_at":{"type":"string"}}}},"teams":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}}}};const schema66 = {"type":"object","required":["login"],"properties":{"login":{"type":"string","minLength":1},"id":{"type":"integer"},"type":{"type":"string"}}};function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://gitgrant.dev/schemas/pr-facts.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.number === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "number"},message:"must have required property '"+"number"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.author === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "author"},message:"must have required property '"+"author"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.head_sha === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "head_sha"},message:"must have required property '"+"head_sha"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.changed_files === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "changed_files"},message:"must have required property '"+"changed_files"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.commit_authors === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "commit_authors"},message:"must have required property '"+"commit_authors"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.reviews === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reviews"},message:"must have required property '"+"reviews"+"'",schema:schema65.required,parentSchema:schema65,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key0 in data){if(!((((((((key0 === "number") || (key0 === "author")) || (key0 === "head_sha")) || (key0 === "base_sha")) || (key0 === "changed_files")) || (key0 === "commit_authors")) || (key0 === "reviews")) || (key0 === "teams"))){const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema65,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.number !== undefined){let data0 = data.number;if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){const err7 = {instancePath:instancePath+"/number",schemaPath:"#/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.number.type,parentSchema:schema65.properties.number,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if((typeof data0 == "number") && (isFinite(data0))){if(data0 < 1 || isNaN(data0)){const err8 = {instancePath:instancePath+"/number",schemaPath:"#/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.number,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}if(data.author !== undefined){let data1 = data.author;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.login === undefined){const err9 = {instancePath:instancePath+"/author",schemaPath:"#/definitions/user/required",keyword:"required",params:{missingProperty: "login"},message:"must have required property '"+"login"+"'",schema:schema66.required,parentSchema:schema66,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data1.login !== undefined){let data2 = data1.login;if(typeof data2 === "string"){if(func2(data2) < 1){const err10 = {instancePath:instancePath+"/author/login",schemaPath:"#/definitions/user/properties/login/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema66.properties.login,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/author/login",schemaPath:"#/definitions/user/properties/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.login.type,parentSchema:schema66.properties.login,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data1.id !== undefined){let data3 = data1.id;if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){const err12 = {instancePath:instancePath+"/author/id",schemaPath:"#/definitions/user/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.id.type,parentSchema:schema66.properties.id,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data1.type !== undefined){let data4 = data1.type;if(typeof data4 !== "string"){const err13 = {instancePath:instancePath+"/author/type",schemaPath:"#/definitions/user/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.type.type,parentSchema:schema66.properties.type,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath:instancePath+"/author",schemaPath:"#/definitions/user/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data1};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.head_sha !== undefined){let data5 = data.head_sha;if(typeof data5 === "string"){if(func2(data5) < 1){const err15 = {instancePath:instancePath+"/head_sha",schemaPath:"#/properties/head_sha/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema65.properties.head_sha,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/head_sha",schemaPath:"#/properties/head_sha/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.head_sha.type,parentSchema:schema65.properties.head_sha,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.base_sha !== undefined){let data6 = data.base_sha;if(typeof data6 !== "string"){const err17 = {instancePath:instancePath+"/base_sha",schemaPath:"#/properties/base_sha/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.base_sha.type,parentSchema:schema65.properties.base_sha,data:data6};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.changed_files !== undefined){let data7 = data.changed_files;if(Array.isArray(data7)){const len0 = data7.length;for(let i0=0; i0<len0; i0++){let data8 = data7[i0];if(data8 && typeof data8 == "object" && !Array.isArray(data8)){if(data8.path === undefined){const err18 = {instancePath:instancePath+"/changed_files/" + i0,schemaPath:"#/properties/changed_files/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema65.properties.changed_files.items.required,parentSchema:schema65.properties.changed_files.items,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(data8.status === undefined){const err19 = {instancePath:instancePath+"/changed_files/" + i0,schemaPath:"#/properties/changed_files/items/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:schema65.properties.changed_files.items.required,parentSchema:schema65.properties.changed_files.items,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(data8.path !== undefined){let data9 = data8.path;if(typeof data9 === "string"){if(func2(data9) < 1){const err20 = {instancePath:instancePath+"/changed_files/" + i0+"/path",schemaPath:"#/properties/changed_files/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema65.properties.changed_files.items.properties.path,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/changed_files/" + i0+"/path",schemaPath:"#/properties/changed_files/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.changed_files.items.properties.path.type,parentSchema:schema65.properties.changed_files.items.properties.path,data:data9};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data8.status !== undefined){let data10 = data8.status;if(!(((((((data10 === "added") || (data10 === "removed")) || (data10 === "modified")) || (data10 === "renamed")) || (data10 === "copied")) || (data10 === "changed")) || (data10 === "unchanged"))){const err22 = {instancePath:instancePath+"/changed_files/" + i0+"/status",schemaPath:"#/properties/changed_files/items/properties/status/enum",keyword:"enum",params:{allowedValues: schema65.properties.changed_files.items.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema65.properties.changed_files.items.properties.status.enum,parentSchema:schema65.properties.changed_files.items.properties.status,data:data10};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data8.previous_filename !== undefined){let data11 = data8.previous_filename;if(typeof data11 !== "string"){const err23 = {instancePath:instancePath+"/changed_files/" + i0+"/previous_filename",schemaPath:"#/properties/changed_files/items/properties/previous_filename/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.changed_files.items.properties.previous_filename.type,parentSchema:schema65.properties.changed_files.items.properties.previous_filename,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath:instancePath+"/changed_files/" + i0,schemaPath:"#/properties/changed_files/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.properties.changed_files.items.type,parentSchema:schema65.properties.changed_files.items,data:data8};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/changed_files",schemaPath:"#/properties/changed_files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema65.properties.changed_files.type,parentSchema:schema65.properties.changed_files,data:data7};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.commit_authors !== undefined){let data12 = data.commit_authors;if(Array.isArray(data12)){const len1 = data12.length;for(let i1=0; i1<len1; i1++){let data13 = data12[i1];if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.login === undefined){const err26 = {instancePath:instancePath+"/commit_authors/" + i1,schemaPath:"#/definitions/user/required",keyword:"required",params:{missingProperty: "login"},message:"must have required property '"+"login"+"'",schema:schema66.required,parentSchema:schema66,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(data13.login !== undefined){let data14 = data13.login;if(typeof data14 === "string"){if(func2(data14) < 1){const err27 = {instancePath:instancePath+"/commit_authors/" + i1+"/login",schemaPath:"#/definitions/user/properties/login/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema66.properties.login,data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/commit_authors/" + i1+"/login",schemaPath:"#/definitions/user/properties/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.login.type,parentSchema:schema66.properties.login,data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data13.id !== undefined){let data15 = data13.id;if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){const err29 = {instancePath:instancePath+"/commit_authors/" + i1+"/id",schemaPath:"#/definitions/user/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.id.type,parentSchema:schema66.properties.id,data:data15};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data13.type !== undefined){let data16 = data13.type;if(typeof data16 !== "string"){const err30 = {instancePath:instancePath+"/commit_authors/" + i1+"/type",schemaPath:"#/definitions/user/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.type.type,parentSchema:schema66.properties.type,data:data16};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}else {const err31 = {instancePath:instancePath+"/commit_authors/" + i1,schemaPath:"#/definitions/user/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data13};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/commit_authors",schemaPath:"#/properties/commit_authors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema65.properties.commit_authors.type,parentSchema:schema65.properties.commit_authors,data:data12};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.reviews !== undefined){let data17 = data.reviews;if(Array.isArray(data17)){const len2 = data17.length;for(let i2=0; i2<len2; i2++){let data18 = data17[i2];if(data18 && typeof data18 == "object" && !Array.isArray(data18)){if(data18.user === undefined){const err33 = {instancePath:instancePath+"/reviews/" + i2,schemaPath:"#/properties/reviews/items/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema65.properties.reviews.items.required,parentSchema:schema65.properties.reviews.items,data:data18};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}if(data18.state === undefined){const err34 = {instancePath:instancePath+"/reviews/" + i2,schemaPath:"#/properties/reviews/items/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema65.properties.reviews.items.required,parentSchema:schema65.properties.reviews.items,data:data18};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}if(data18.commit_id === undefined){const err35 = {instancePath:instancePath+"/reviews/" + i2,schemaPath:"#/properties/reviews/items/required",keyword:"required",params:{missingProperty: "commit_id"},message:"must have required property '"+"commit_id"+"'",schema:schema65.properties.reviews.items.required,parentSchema:schema65.properties.reviews.items,data:data18};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if(data18.id !== undefined){let data19 = data18.id;if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){const err36 = {instancePath:instancePath+"/reviews/" + i2+"/id",schemaPath:"#/properties/reviews/items/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.reviews.items.properties.id.type,parentSchema:schema65.properties.reviews.items.properties.id,data:data19};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data18.user !== undefined){let data20 = data18.user;const _errs44 = errors;let valid13 = false;const _errs45 = errors;if(data20 && typeof data20 == "object" && !Array.isArray(data20)){if(data20.login === undefined){const err37 = {instancePath:instancePath+"/reviews/" + i2+"/user",schemaPath:"#/definitions/user/required",keyword:"required",params:{missingProperty: "login"},message:"must have required property '"+"login"+"'",schema:schema66.required,parentSchema:schema66,data:data20};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}if(data20.login !== undefined){let data21 = data20.login;if(typeof data21 === "string"){if(func2(data21) < 1){const err38 = {instancePath:instancePath+"/reviews/" + i2+"/user/login",schemaPath:"#/definitions/user/properties/login/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema66.properties.login,data:data21};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}else {const err39 = {instancePath:instancePath+"/reviews/" + i2+"/user/login",schemaPath:"#/definitions/user/properties/login/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.login.type,parentSchema:schema66.properties.login,data:data21};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data20.id !== undefined){let data22 = data20.id;if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){const err40 = {instancePath:instancePath+"/reviews/" + i2+"/user/id",schemaPath:"#/definitions/user/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.id.type,parentSchema:schema66.properties.id,data:data22};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data20.type !== undefined){let data23 = data20.type;if(typeof data23 !== "string"){const err41 = {instancePath:instancePath+"/reviews/" + i2+"/user/type",schemaPath:"#/definitions/user/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.type.type,parentSchema:schema66.properties.type,data:data23};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}else {const err42 = {instancePath:instancePath+"/reviews/" + i2+"/user",schemaPath:"#/definitions/user/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data20};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}var _valid0 = _errs45 === errors;valid13 = valid13 || _valid0;if(!valid13){const _errs54 = errors;if(data20 !== null){const err43 = {instancePath:instancePath+"/reviews/" + i2+"/user",schemaPath:"#/properties/reviews/items/properties/user/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema65.properties.reviews.items.properties.user.anyOf[1].type,parentSchema:schema65.properties.reviews.items.properties.user.anyOf[1],data:data20};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}var _valid0 = _errs54 === errors;valid13 = valid13 || _valid0;}if(!valid13){const err44 = {instancePath:instancePath+"/reviews/" + i2+"/user",schemaPath:"#/properties/reviews/items/properties/user/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema65.properties.reviews.items.properties.user.anyOf,parentSchema:schema65.properties.reviews.items.properties.user,data:data20};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}else {errors = _errs44;if(vErrors !== null){if(_errs44){vErrors.length = _errs44;}else {vErrors = null;}}}}if(data18.state !== undefined){let data24 = data18.state;if(!(((((data24 === "APPROVED") || (data24 === "CHANGES_REQUESTED")) || (data24 === "COMMENTED")) || (data24 === "DISMISSED")) || (data24 === "PENDING"))){const err45 = {instancePath:instancePath+"/reviews/" + i2+"/state",schemaPath:"#/properties/reviews/items/properties/state/enum",keyword:"enum",params:{allowedValues: schema65.properties.reviews.items.properties.state.enum},message:"must be equal to one of the allowed values",schema:schema65.properties.reviews.items.properties.state.enum,parentSchema:schema65.properties.reviews.items.properties.state,data:data24};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data18.commit_id !== undefined){let data25 = data18.commit_id;if(typeof data25 !== "string"){const err46 = {instancePath:instancePath+"/reviews/" + i2+"/commit_id",schemaPath:"#/properties/reviews/items/properties/commit_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.reviews.items.properties.commit_id.type,parentSchema:schema65.properties.reviews.items.properties.commit_id,data:data25};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data18.submitted_at !== undefined){let data26 = data18.submitted_at;if(typeof data26 !== "string"){const err47 = {instancePath:instancePath+"/reviews/" + i2+"/submitted_at",schemaPath:"#/properties/reviews/items/properties/submitted_at/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.reviews.items.properties.submitted_at.type,parentSchema:schema65.properties.reviews.items.properties.submitted_at,data:data26};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}}else {const err48 = {instancePath:instancePath+"/reviews/" + i2,schemaPath:"#/properties/reviews/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.properties.reviews.items.type,parentSchema:schema65.properties.reviews.items,data:data18};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}else {const err49 = {instancePath:instancePath+"/reviews",schemaPath:"#/properties/reviews/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema65.properties.reviews.type,parentSchema:schema65.properties.reviews,data:data17};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data.teams !== undefined){let data27 = data.teams;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){for(const key1 in data27){let data28 = data27[key1];if(Array.isArray(data28)){const len3 = data28.length;for(let i3=0; i3<len3; i3++){let data29 = data28[i3];if(typeof data29 !== "string"){const err50 = {instancePath:instancePath+"/teams/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i3,schemaPath:"#/properties/teams/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.teams.additionalProperties.items.type,parentSchema:schema65.properties.teams.additionalProperties.items,data:data29};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}else {const err51 = {instancePath:instancePath+"/teams/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/teams/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema65.properties.teams.additionalProperties.type,parentSchema:schema65.properties.teams.additionalProperties,data:data28};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/teams",schemaPath:"#/properties/teams/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.properties.teams.type,parentSchema:schema65.properties.teams,data:data27};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}}else {const err53 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.type,parentSchema:schema65,data};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}validate48.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./src/load/schemas.ts

const validators = { grant: grant, policies: policies, prFacts: prFacts };

// EXTERNAL MODULE: ./src/load/safe-yaml.ts + 4 modules
var safe_yaml = __webpack_require__(973);
;// CONCATENATED MODULE: ./src/load/schema-check.ts



/** JSON pointer → document path; array indices become numbers (by looking at the data). */
function pointerToPath(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let node = data;
    for (const raw of pointer.slice(1).split('/')) {
        const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const key = Array.isArray(node) && /^[0-9]+$/.test(seg) ? Number(seg) : seg;
        path.push(key);
        node =
            node !== null && typeof node === 'object' && Object.hasOwn(node, key)
                ? node[key]
                : undefined;
    }
    return path;
}
const within = (e, p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
/**
 * Every anyOf in our schemas chooses its branch by JSON type (string | object | array), so a
 * branch whose type does not fit the data reports only a `type` error. Drop those and the
 * anyOf summary; when no branch fits, keep one error naming all the accepted types.
 * `if` errors only say "must match then": the `then` errors themselves are kept.
 */
function collapseErrors(errors) {
    const composites = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    const drop = new Set([
        ...composites,
        ...errors.filter((e) => e.keyword === 'if' || e.keyword === 'propertyNames'),
    ]);
    const added = [];
    for (const c of composites) {
        const typeErrors = errors.filter((e) => e.keyword === 'type' && e.instancePath === c.instancePath);
        const specific = errors.filter((e) => !drop.has(e) && e.keyword !== 'type' && within(e, c.instancePath));
        const deeperTypes = errors.filter((e) => e.keyword === 'type' && e.instancePath.startsWith(`${c.instancePath}/`));
        typeErrors.forEach((e) => drop.add(e));
        if (specific.length === 0 && deeperTypes.length === 0 && typeErrors.length > 0) {
            const types = [...new Set(typeErrors.flatMap((e) => [e.params.type].flat()))];
            if (!added.some((a) => a.instancePath === c.instancePath)) {
                added.push({ ...typeErrors[0], params: { type: types } });
            }
        }
        else if (specific.length === 0 && deeperTypes.length === 0) {
            added.push(c); // oneOf matched several branches: nothing more specific to say
        }
    }
    return [...errors.filter((e) => !drop.has(e)), ...added];
}
function checkSchemaFindings(kind, value, source) {
    const validate = validators[kind];
    if (validate(value))
        return [];
    const findings = [];
    for (const e of collapseErrors(validate.errors ?? [])) {
        const parent = pointerToPath(e.instancePath, value);
        let path = parent;
        let position;
        const propertyName = e.propertyName;
        if (e.keyword === 'additionalProperties') {
            path = [...parent, String(e.params.additionalProperty)];
            position = source.atKey(path);
        }
        else if (propertyName !== undefined) {
            path = [...parent, propertyName];
            position = source.atKey(path);
        }
        else if (e.keyword === 'false schema') {
            position = source.atKey(parent);
        }
        else {
            position = source.at(parent);
        }
        const message = describeKeyword(e, humanPath(parent), value);
        findings.push({
            diagnostic: { code: 'schema', message, file: source.file, ...position },
            path,
            keyword: e.keyword,
        });
    }
    return findings;
}
/** Validates `value` against the grant or policies schema; `schema` diagnostics in file order. */
function checkSchema(kind, value, source) {
    return sortDiagnostics(checkSchemaFindings(kind, value, source).map((f) => f.diagnostic));
}


/***/ }),

/***/ 3435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ buildSnapshot)
});

// EXTERNAL MODULE: ./src/core/model.ts
var core_model = __webpack_require__(4146);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/load/grant-path.ts
var grant_path = __webpack_require__(3836);
;// CONCATENATED MODULE: ./src/load/policy-path.ts

const POLICIES_DIR = 'policies';
function isUnderPolicies(path) {
    return path === POLICIES_DIR || path.startsWith(`${POLICIES_DIR}/`);
}
function classifyPolicyPath(entry) {
    const { path, kind } = entry;
    const bad = (code, message) => ({
        kind: 'invalid',
        diagnostic: { code, message, file: path, line: 1, column: 1 },
    });
    if (kind !== 'file') {
        return bad('not-a-file', `\`${path}\` is ${kind === 'other' ? 'not a regular file' : `a ${kind}`}: policy files must be regular files`);
    }
    const parts = path.split('/');
    const name = parts[parts.length - 1];
    if (parts.some((p) => p === '' || p.startsWith('.')) && !grant_path/* TOLERATED_NAMES */._q.has(name)) {
        return bad('invalid-filename', `\`${path}\`: hidden files and folders are not allowed under policies/`);
    }
    if (grant_path/* TOLERATED_NAMES */._q.has(name))
        return { kind: 'ignored' };
    if (/\.yml$/i.test(name))
        return bad('invalid-filename', `\`${name}\`: policy files end in .yaml, not .yml`);
    if (!name.endsWith('.yaml'))
        return bad('invalid-filename', `\`${name}\`: only policy files (*.yaml) are allowed under policies/`);
    return { kind: 'policy' };
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/notify/model.ts
/**
 * Notification settings (docs/notifications.md): pure data, shared by the loader and the senders.
 */
const NOTIFY_EVENTS = ['request', 'approval', 'grant', 'expiry-warning', 'revocation'];
const DEFAULT_EXPIRY_WARNING = '1h';

;// CONCATENATED MODULE: ./src/notify/settings.ts
/**
 * `settings.notifications` (schema-valid) → NotificationSettings, with the checks JSON Schema
 * cannot express (the duration grammar).
 */



function notificationSettings(settings, source, diagnostics) {
    const raw = settings?.notifications;
    if (raw === undefined)
        return undefined;
    const path = ['settings', 'notifications', 'expiry_warning'];
    const written = raw.expiry_warning ?? DEFAULT_EXPIRY_WARNING;
    const d = (0,duration/* parseDuration */.E9)(written);
    if (!d.ok) {
        diagnostics.push((0,errors/* diag */.sm)('duration-invalid', `expiry_warning: ${d.reason}`, source, path));
        return undefined;
    }
    return {
        webhookEnv: raw.webhook_env,
        expiryWarningMs: d.ms,
        expiryWarning: written,
        events: raw.events ? [...raw.events] : [...NOTIFY_EVENTS],
    };
}

;// CONCATENATED MODULE: ./src/notify/escalation-model.ts
/**
 * Escalation and stale requests (docs/escalation.md): keys on an access level or a policy.
 * Pure data, parsed by the loader; acted on by reconcile (src/commands/escalate.ts).
 */


/** undefined when none of the keys is set (or one is invalid: a diagnostic says why). */
function escalationRule(raw, source, at, diagnostics) {
    if (raw.escalate_after === undefined && raw.escalate_to === undefined && raw.expire_after === undefined)
        return undefined;
    const out = {};
    if (raw.escalate_after !== undefined) {
        const d = (0,duration/* parseDuration */.E9)(raw.escalate_after);
        if (!d.ok) {
            diagnostics.push((0,errors/* diag */.sm)('duration-invalid', `escalate_after: ${d.reason}`, source, [...at, 'escalate_after']));
            return undefined;
        }
        if (!raw.escalate_to) {
            diagnostics.push((0,errors/* diag */.sm)('config-invalid', 'escalate_after needs escalate_to: who to request a review from', source, [
                ...at,
                'escalate_after',
            ]));
            return undefined;
        }
        out.escalateAfterMs = d.ms;
        out.escalateAfter = raw.escalate_after;
    }
    if (raw.escalate_to !== undefined)
        out.escalateTo = [...raw.escalate_to];
    if (raw.expire_after !== undefined) {
        const d = (0,duration/* parseDuration */.E9)(raw.expire_after);
        if (!d.ok) {
            diagnostics.push((0,errors/* diag */.sm)('duration-invalid', `expire_after: ${d.reason}`, source, [...at, 'expire_after']));
            return undefined;
        }
        out.expireAfterMs = d.ms;
        out.expireAfter = raw.expire_after;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/load/policy-model.ts
/**
 * Schema-valid policies/ data → model objects (src/core/model.ts) for ONE file, with the checks
 * JSON Schema cannot express: duration grammar and ticket regular expressions. Cross-file rules
 * (duplicates, one settings block) live in snapshot.ts.
 */





/** A fresh null-prototype record: user-chosen keys can never meet Object.prototype. */
function record(entries) {
    const out = Object.create(null);
    for (const [k, v] of entries)
        out[k] = v;
    return out;
}
/** Deep copy of plain data (JSON-like), keeping null prototypes. Depth is bounded by the parser. */
function copyData(v) {
    if (Array.isArray(v))
        return v.map(copyData);
    if (v !== null && typeof v === 'object')
        return record(Object.entries(v).map(([k, x]) => [k, copyData(x)]));
    return v;
}
const copyMatch = (m) => record(Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));
function principal(sel) {
    if (typeof sel === 'string')
        return sel;
    if ('tags' in sel)
        return { tags: copyMatch(sel.tags) };
    return { same_tags: [...sel.same_tags] };
}
function approvalRule(raw) {
    return { from: raw.from === 'codeowners' ? 'codeowners' : raw.from.map(principal), count: raw.count };
}
function fileModel(value, source, defaults) {
    const v = value;
    const out = {
        resources: [],
        people: [],
        groups: [],
        policies: [],
        discover: [],
        diagnostics: [],
    };
    (v.resources ?? []).forEach((r, i) => {
        out.resources.push({
            id: r.id,
            provider: r.provider,
            tags: record(Object.entries((r.tags ?? {}))),
            config: copyData(r.config),
            baseline: (r.baseline ?? []).map((b) => ({
                person: b.person,
                access: b.access,
            })),
            prune: r.prune === true,
            source,
            path: ['resources', i],
        });
    });
    for (const [login, raw] of Object.entries((v.people ?? {}))) {
        const tags = record(Object.entries((raw.tags ?? {})).map(([k, t]) => [k, typeof t === 'string' ? [t] : [...t]]));
        const person = {
            login,
            tags,
            identities: record(Object.entries((raw.identities ?? {}))),
        };
        if (typeof raw.id === 'number')
            person.id = raw.id;
        out.people.push({ person, path: ['people', login] });
    }
    for (const [name, members] of Object.entries((v.groups ?? {}))) {
        out.groups.push({ name, members: [...members], path: ['groups', name] });
    }
    (v.discover ?? []).forEach((d) => {
        out.discover.push({ provider: 'github', org: d.org, tags_from: 'custom_properties' });
    });
    (v.policies ?? []).forEach((p, i) => {
        const path = ['policies', i];
        const access = record([]);
        for (const [level, rule] of Object.entries(p.access ?? {})) {
            const d = (0,duration/* parseDuration */.E9)(rule.max_duration);
            if (!d.ok) {
                out.diagnostics.push((0,errors/* diag */.sm)('duration-invalid', `max_duration: ${d.reason}`, source, [
                    ...path,
                    'access',
                    level,
                    'max_duration',
                ]));
                continue;
            }
            const at = [...path, 'access', level];
            const accessRule = {
                maxDurationMs: d.ms,
                maxDuration: rule.max_duration,
                approvals: rule.approvals.map(approvalRule),
            };
            if (rule.max_extensions !== undefined)
                accessRule.maxExtensions = rule.max_extensions;
            if (rule.max_hours_per_30d !== undefined)
                accessRule.maxHoursPer30d = {
                    hours: rule.max_hours_per_30d.hours,
                    by: [...rule.max_hours_per_30d.by],
                };
            if (rule.break_glass !== undefined) {
                // Break-glass is for emergencies: short by construction (docs/break-glass.md).
                const within = (0,duration/* parseDuration */.E9)(rule.break_glass.review_within);
                if (!within.ok) {
                    out.diagnostics.push((0,errors/* diag */.sm)('duration-invalid', `break_glass.review_within: ${within.reason}`, source, [
                        ...at,
                        'break_glass',
                        'review_within',
                    ]));
                    continue;
                }
                if (d.ms > core_model/* BREAK_GLASS_MAX_DURATION_MS */.wh) {
                    out.diagnostics.push((0,errors/* diag */.sm)('config-invalid', `a break-glass access level may last at most 4h: max_duration ${rule.max_duration} is longer`, source, [...at, 'max_duration']));
                    continue;
                }
                accessRule.breakGlass = {
                    reviewWithinMs: within.ms,
                    reviewWithin: rule.break_glass.review_within,
                    reviewers: rule.break_glass.reviewers.map(principal),
                };
            }
            const escalation = escalationRule(rule, source, at, out.diagnostics);
            if (escalation)
                accessRule.escalation = escalation;
            access[level] = accessRule;
        }
        const resources = {};
        if (p.resources.match)
            resources.match = copyMatch(p.resources.match);
        if (p.resources.expressions) {
            resources.expressions = p.resources.expressions.map((e) => ({
                key: e.key,
                operator: e.operator,
                ...(e.values ? { values: [...e.values] } : {}),
            }));
        }
        const policy = {
            name: p.name,
            effect: p.effect ?? 'allow',
            resources,
            requesters: p.requesters.map(principal),
            access,
            source,
            path,
        };
        if (p.description !== undefined)
            policy.description = p.description;
        const policyEscalation = escalationRule(p, source, path, out.diagnostics);
        if (policyEscalation)
            policy.escalation = policyEscalation;
        if (p.require) {
            policy.require = {};
            if (p.require.reason !== undefined)
                policy.require.reason = p.require.reason;
            if (p.require.ticket !== undefined) {
                try {
                    new RegExp(p.require.ticket);
                    policy.require.ticket = p.require.ticket;
                }
                catch (e) {
                    const why = e instanceof Error ? e.message : String(e);
                    out.diagnostics.push((0,errors/* diag */.sm)('config-invalid', `require.ticket is not a valid regular expression: ${why}`, source, [
                        ...path,
                        'require',
                        'ticket',
                    ]));
                }
            }
        }
        out.policies.push(policy);
    });
    if (v.settings !== undefined) {
        const s = v.settings;
        // Keys left out keep their defaults: a file that only sets `revocation` keeps the default admins.
        out.settings = {
            admins: s.admins ? approvalRule(s.admins) : defaults.admins,
            revocation: s.revocation ? { mode: s.revocation.mode } : defaults.revocation,
        };
        const notifications = notificationSettings(v.settings, source, out.diagnostics);
        if (notifications)
            out.settings.notifications = notifications;
    }
    return out;
}

// EXTERNAL MODULE: ./src/load/safe-yaml.ts + 4 modules
var safe_yaml = __webpack_require__(973);
// EXTERNAL MODULE: ./src/load/schema-check.ts + 3 modules
var schema_check = __webpack_require__(9176);
;// CONCATENATED MODULE: ./src/load/snapshot.ts






const DURATION_NOT_STRING = (0,duration/* parseDuration */.E9)(0).reason;
/** Remembers where each name was first defined, to report the second one. */
class FirstSeen {
    what;
    seen = new Map();
    constructor(what) {
        this.what = what;
    }
    /** Undefined when new; otherwise the message for the duplicate. */
    check(key, shown, source, path) {
        const first = this.seen.get(key);
        if (first !== undefined)
            return `${this.what} \`${shown}\` is already defined at ${first}`;
        this.seen.set(key, `${source.file}:${source.atKey(path).line}`);
        return undefined;
    }
}
function buildSnapshot(files) {
    const diagnostics = [];
    const resources = [];
    const people = new Map();
    const groups = new Map();
    const policies = [];
    const discover = [];
    let settings;
    let settingsAt;
    const seenResource = new FirstSeen('resource');
    const seenPolicy = new FirstSeen('policy');
    const seenPerson = new FirstSeen('person');
    const seenGroup = new FirstSeen('group');
    const dup = (msg, source, path) => {
        if (msg === undefined)
            return false;
        const { line, column } = source.atKey(path);
        diagnostics.push({ code: 'config-invalid', message: msg, file: source.file, line, column });
        return true;
    };
    const inputs = files
        .filter((f) => isUnderPolicies(f.path))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const file of inputs) {
        const where = classifyPolicyPath({ path: file.path, kind: file.kind ?? 'file' });
        if (where.kind === 'ignored')
            continue;
        if (where.kind === 'invalid') {
            diagnostics.push(where.diagnostic);
            continue;
        }
        const parsed = (0,safe_yaml/* parseYaml */.hN)(file.bytes ?? new Uint8Array(), file.path);
        if (!parsed.ok) {
            diagnostics.push(...parsed.diagnostics);
            continue;
        }
        const { value, source } = parsed;
        // A non-string max_duration (`max_duration: 8`) is a duration problem: parseDuration (in
        // fileModel) says why. Only when the file has other schema errors is it reported here.
        const findings = (0,schema_check/* checkSchemaFindings */.yf)('policies', value, source);
        const isDurationType = (f) => f.keyword === 'type' && f.path[f.path.length - 1] === 'max_duration';
        if (findings.some((f) => !isDurationType(f))) {
            for (const f of findings) {
                diagnostics.push(isDurationType(f)
                    ? { ...f.diagnostic, code: 'duration-invalid', message: `max_duration: ${DURATION_NOT_STRING}` }
                    : f.diagnostic);
            }
            continue;
        }
        const model = fileModel(value, source, core_model/* DEFAULT_SETTINGS */.a$);
        diagnostics.push(...model.diagnostics);
        const adminsFrom = value?.settings?.admins
            ?.from;
        if (adminsFrom === 'codeowners') {
            const { line, column } = source.at(['settings', 'admins', 'from']);
            diagnostics.push({
                code: 'config-invalid',
                message: 'settings.admins cannot be `codeowners`: a policy change has no grant file whose owners could approve it; name groups, @ORG/TEAM teams or logins',
                file: source.file,
                line,
                column,
            });
        }
        for (const r of model.resources) {
            if (!dup(seenResource.check(r.id, r.id, source, [...r.path, 'id']), source, [...r.path, 'id']))
                resources.push(r);
        }
        for (const p of model.policies) {
            if (!dup(seenPolicy.check(p.name, p.name, source, [...p.path, 'name']), source, [...p.path, 'name']))
                policies.push(p);
        }
        for (const { person, path } of model.people) {
            // Logins are case-insensitive: `Alice` and `alice` are the same person.
            const key = (0,core_model/* loginKey */.H$)(person.login);
            if (!dup(seenPerson.check(key, person.login, source, path), source, path))
                people.set(key, person);
        }
        for (const g of model.groups) {
            if (!dup(seenGroup.check(g.name, g.name, source, g.path), source, g.path))
                groups.set(g.name, g.members);
        }
        discover.push(...model.discover);
        if (model.settings) {
            if (settingsAt !== undefined) {
                const { line, column } = source.atKey(['settings']);
                diagnostics.push({
                    code: 'config-invalid',
                    message: `settings are already defined at ${settingsAt}: keep them in one file`,
                    file: source.file,
                    line,
                    column,
                });
            }
            else {
                settings = model.settings;
                settingsAt = `${source.file}:${source.atKey(['settings']).line}`;
            }
        }
    }
    if (diagnostics.length > 0)
        return { ok: false, diagnostics: (0,safe_yaml/* sortDiagnostics */.Ds)(diagnostics) };
    return {
        ok: true,
        snapshot: { resources, people, groups, policies, settings: settings ?? core_model/* DEFAULT_SETTINGS */.a$, discover },
    };
}


/***/ }),

/***/ 7373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IC: () => (/* binding */ notifierFor)
});

// UNUSED EXPORTS: NO_NOTIFIER, checkWebhookUrl

// EXTERNAL MODULE: ./node_modules/p-retry/index.js + 1 modules
var p_retry = __webpack_require__(4995);
;// CONCATENATED MODULE: ./src/render/notify-slack.ts
/** Escape for Slack mrkdwn: the three control characters Slack documents. */
function slackEscape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const e = slackEscape;
const code = (s) => `\`${e(s)}\``;
const list = (xs) => xs.map(code).join(', ');
const prRef = (pr, url) => pr === null ? 'a direct push' : url ? `<${e(url)}|#${pr}>` : `#${pr}`;
function grantLine(g) {
    const parts = [`${e(g.person)}: ${code(g.access)} on ${list(g.resources)}`];
    if (g.duration)
        parts.push(`for ${e(g.duration)}`);
    let line = parts.join(' ');
    if (g.reason)
        line += ` (${e(g.reason)})`;
    return `• ${line} — ${code(g.file)}`;
}
/** The message text for an event (mrkdwn, escaped). */
function notifyText(ev) {
    switch (ev.kind) {
        case 'request':
            return [
                `:key: *Access requested* in pull request ${prRef(ev.pr, ev.url)} by ${e(ev.author)}`,
                ...ev.grants.map(grantLine),
            ].join('\n');
        case 'approval':
            return [
                `:white_check_mark: *Access request approved*: pull request ${prRef(ev.pr, ev.url)} by ${e(ev.author)}` +
                    (ev.approvers.length ? `, approved by ${ev.approvers.map(e).join(', ')}` : ''),
                ...ev.grants.map(grantLine),
            ].join('\n');
        case 'grant':
            return `:unlock: *Access granted* (${prRef(ev.pr)}): ${grantLine(ev.grant).slice(2)}${ev.grant.end ? `, until ${e(ev.grant.end)}` : ''}`;
        case 'expiry-warning':
            return `:hourglass_flowing_sand: *Access expires soon*: ${grantLine(ev.grant).slice(2)}, ends ${e(ev.grant.end ?? '')}`;
        case 'revocation':
            return `:lock: *Access revoked*: ${grantLine(ev.grant).slice(2)}${ev.why ? ` — ${e(ev.why)}` : ''}`;
    }
}
function renderSlackMessage(ev) {
    const text = notifyText(ev);
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] };
}
const kindOf = (ev) => ev.kind;

;// CONCATENATED MODULE: ./src/notify/send.ts
/**
 * Sending notifications: one POST of a Slack-compatible JSON message to the incoming-webhook URL
 * read from the environment variable `settings.notifications.webhook_env` at call time.
 *
 * Best effort by design: fail closed is about access decisions, not chat. Any failure (no URL,
 * a bad URL, a refused or unreachable webhook) is logged as a warning and never fails a command.
 * URL rules as the webhook provider: https, or http on loopback only; no user:password; no
 * redirects followed. 408, 429, 5xx and network errors are retried (p-retry, 2 retries), each
 * attempt bounded by a timeout (AbortSignal.timeout, default 10 s).
 */


const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NO_NOTIFIER = { wants: () => false, send: async () => false };
/** Check a webhook URL: https, or http on loopback; no credentials. Returns a reason when refused. */
function checkWebhookUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return { ok: false, reason: 'is not a valid URL' };
    }
    if (url.username || url.password)
        return { ok: false, reason: 'must not hold a user name or password' };
    if (url.protocol === 'https:')
        return { ok: true, url };
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
        return { ok: true, url };
    return { ok: false, reason: 'must be https:// (plain http:// only for loopback receivers)' };
}
class Retryable extends Error {
}
function notifierFor(settings, opts) {
    const n = settings.notifications;
    if (!n)
        return NO_NOTIFIER;
    const events = new Set(n.events);
    const env = opts.env ?? process.env;
    const warn = (m) => opts.log(`warning: gitgrant notifications: ${m}`);
    return {
        wants: (kind) => events.has(kind),
        async send(ev) {
            if (!events.has(ev.kind))
                return false;
            const raw = env[n.webhookEnv];
            if (!raw) {
                warn(`the environment variable ${n.webhookEnv} is not set: ${ev.kind} notification not sent`);
                return false;
            }
            const checked = checkWebhookUrl(raw);
            if (!checked.ok) {
                // Never log the URL: it is a secret.
                warn(`the URL in ${n.webhookEnv} ${checked.reason}: ${ev.kind} notification not sent`);
                return false;
            }
            const body = JSON.stringify(renderSlackMessage(ev));
            try {
                await (0,p_retry/* default */.Ay)(async () => {
                    let res;
                    try {
                        res = await fetch(checked.url, {
                            method: 'POST',
                            headers: { 'Content-Type': 'application/json', 'User-Agent': 'gitgrant' },
                            body,
                            redirect: 'manual',
                            signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
                        });
                    }
                    catch (e) {
                        throw new Retryable(`unreachable (${e instanceof Error ? e.message : String(e)})`);
                    }
                    await res.arrayBuffer().catch(() => undefined);
                    if (res.status >= 200 && res.status < 300)
                        return;
                    const why = `answered HTTP ${res.status}`;
                    if (res.status === 408 || res.status === 429 || res.status >= 500)
                        throw new Retryable(why);
                    throw new p_retry/* AbortError */.lc(why);
                }, {
                    retries: opts.retries ?? 2,
                    minTimeout: opts.minDelayMs ?? 500,
                    maxTimeout: 5_000,
                    factor: 2,
                });
                return true;
            }
            catch (e) {
                warn(`the ${ev.kind} notification failed: the webhook ${e instanceof Error ? e.message : String(e)}`);
                return false;
            }
        },
    };
}


/***/ }),

/***/ 9706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ENV_NAME),
/* harmony export */   X: () => (/* binding */ readConfig)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2695);

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readConfig(resource, provider, code, keys, 
/** How the unknown-key message lists the keys. Default: `a, b, c`. */
expected = keys.join(', ')) {
    const bad = (msg) => {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ProviderError */ .m(`resource ${resource.id}: ${provider} config ${msg}`, false, code);
    };
    const config = resource.config;
    if (config === null || typeof config !== 'object' || Array.isArray(config))
        bad('must be a mapping');
    const cfg = config;
    for (const key of Object.keys(cfg))
        if (!keys.includes(key))
            bad(`has an unknown key ${JSON.stringify(key)} (expected ${expected})`);
    return { cfg, bad };
}


/***/ }),

/***/ 5183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eQ: () => (/* binding */ githubFailure),
/* harmony export */   tx: () => (/* binding */ GitHubProvider)
/* harmony export */ });
/* unused harmony exports REPOSITORY_LEVELS, TEAM_LEVELS, GITHUB_API_PERMISSION, GITHUB_ERROR_CODES, REQUIRED_PERMISSION, createGitHubClient, parseGitHubConfig, createGitHubProvider, levelOf */
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6584);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2695);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9706);



const REPOSITORY_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'];
const TEAM_LEVELS = ['member', 'maintainer'];
/** gitgrant level → the `permission` GitHub's collaborator API takes. */
const GITHUB_API_PERMISSION = {
    read: 'pull',
    triage: 'triage',
    write: 'push',
    maintain: 'maintain',
    admin: 'admin',
};
/** Stable codes carried by ProviderError.code (docs/providers.md). */
const GITHUB_ERROR_CODES = {
    config: 'provider-config',
    unknownLevel: 'unknown-access-level',
    unknownIdentity: 'unknown-identity',
    permission: 'provider-permission',
    notFound: 'provider-not-found',
    rejected: 'provider-rejected',
    unreachable: 'provider-unreachable',
    failed: 'provider-failed',
    notConfirmed: 'revoke-not-confirmed',
};
/** The permission a token needs, per kind of resource (named in 403 messages). */
const REQUIRED_PERMISSION = {
    repository: 'administration: write (repository permission of a GitHub App)',
    team: 'members: write (organization permission of a GitHub App)',
};
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/**
 * `createClient` (the one factory) with an explicit API base. `createClient` takes the base from
 * GITHUB_API_URL as @actions/github read it when first imported; `apiUrl` overrides it per
 * request. (Once ClientOptions grows `baseUrl`, this becomes a plain pass-through.)
 */
function createGitHubClient(token, options = {}) {
    const { apiUrl, ...clientOptions } = options;
    const client = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .createClient */ .UU)(token, clientOptions);
    if (apiUrl !== undefined && apiUrl !== '') {
        const base = apiUrl.replace(/\/+$/, '');
        const defaultBase = String(client.request.endpoint.DEFAULTS.baseUrl).replace(/\/+$/, '');
        client.hook.before('request', (request) => {
            const r = request;
            r.baseUrl = base;
            // Pagination passes absolute URLs built on the default base (its `next` links are the server's own).
            if (r.url === defaultBase || r.url.startsWith(`${defaultBase}/`))
                r.url = base + r.url.slice(defaultBase.length);
        });
    }
    return client;
}
/** Validate a github resource's config (fail closed). */
function parseGitHubConfig(resource) {
    const { cfg: config, bad } = (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .readConfig */ .X)(resource, 'github', GITHUB_ERROR_CODES.config, ['repository', 'team'], 'repository or team');
    if (Object.keys(config).length !== 1)
        return bad('must have exactly one of repository: OWNER/NAME or team: ORG/SLUG');
    if ('repository' in config) {
        const value = config['repository'];
        const [owner, repo, extra] = typeof value === 'string' ? value.split('/') : [];
        if (owner === undefined ||
            repo === undefined ||
            extra !== undefined ||
            !OWNER.test(owner) ||
            !REPO_NAME.test(repo) ||
            repo === '.' ||
            repo === '..') {
            return bad(`repository must be OWNER/NAME, got ${JSON.stringify(value)}`);
        }
        return { kind: 'repository', owner, repo, name: `${owner}/${repo}` };
    }
    const value = config['team'];
    const [org, slug, extra] = typeof value === 'string' ? value.split('/') : [];
    if (org === undefined ||
        slug === undefined ||
        extra !== undefined ||
        !OWNER.test(org) ||
        !TEAM_SLUG.test(slug)) {
        return bad(`team must be ORG/SLUG, got ${JSON.stringify(value)}`);
    }
    return { kind: 'team', org, slug, name: `${org}/${slug}` };
}
class GitHubProvider {
    name = 'github';
    timeoutMs;
    client;
    makeClient;
    constructor(options = {}) {
        this.timeoutMs = options.timeoutMs ?? 30_000;
        const { client, token, clientOptions } = options;
        if (typeof client === 'function')
            this.makeClient = client;
        else if (client !== undefined)
            this.makeClient = () => client;
        else if (token !== undefined && token !== '')
            this.makeClient = () => createGitHubClient(token, clientOptions);
        else
            this.makeClient = () => {
                throw missingToken();
            };
    }
    async grant(change) {
        const target = this.prepare(change.resource);
        const login = checkLogin(change.subject.login, change.resource);
        if (target.kind === 'repository') {
            const want = highest(repoLevels(change.resource, [change.level, ...change.held]), REPOSITORY_LEVELS);
            return this.grantRepository(change.resource, target, login, want);
        }
        const want = highest(teamLevels(change.resource, [change.level, ...change.held]), TEAM_LEVELS);
        return this.grantTeam(change.resource, target, login, want);
    }
    async revoke(change) {
        const target = this.prepare(change.resource);
        const login = checkLogin(change.subject.login, change.resource);
        if (target.kind === 'repository') {
            repoLevels(change.resource, [change.level]);
            const keep = highest(change.held.filter(isRepositoryLevel), REPOSITORY_LEVELS);
            return this.revokeRepository(change.resource, target, login, change.level, keep);
        }
        teamLevels(change.resource, [change.level]);
        const keep = highest(change.held.filter(isTeamLevel), TEAM_LEVELS);
        return this.revokeTeam(change.resource, target, login, change.level, keep);
    }
    async list(resource) {
        const target = this.prepare(resource);
        const out = [];
        if (target.kind === 'repository') {
            const state = await this.directState(resource, target);
            for (const c of state.collaborators)
                out.push({ identity: c.login, access: c.level });
            for (const i of state.invitations)
                out.push({ identity: i.login, access: i.level, pending: true });
        }
        else {
            const gh = this.gh();
            const signal = this.signal();
            const [maintainers, members] = await this.call(resource, target, 'list the team members', () => Promise.all([
                gh.paginate(gh.rest.teams.listMembersInOrg, {
                    org: target.org,
                    team_slug: target.slug,
                    role: 'maintainer',
                    per_page: 100,
                    request: { signal },
                }),
                gh.paginate(gh.rest.teams.listMembersInOrg, {
                    org: target.org,
                    team_slug: target.slug,
                    role: 'all',
                    per_page: 100,
                    request: { signal },
                }),
            ]));
            const isMaintainer = new Set(maintainers.map((u) => u.login.toLowerCase()));
            for (const u of members) {
                out.push({
                    identity: u.login,
                    access: isMaintainer.has(u.login.toLowerCase()) ? 'maintainer' : 'member',
                });
            }
        }
        return out.sort((a, b) => cmp(a.identity.toLowerCase(), b.identity.toLowerCase()) ||
            Number(a.pending ?? false) - Number(b.pending ?? false) ||
            cmp(a.access, b.access));
    }
    // ---- repository ----------------------------------------------------------------------------
    async grantRepository(resource, t, login, want) {
        const gh = this.gh();
        const effective = await this.effectivePermission(resource, t, login, true);
        if (effective !== null && rank(effective, REPOSITORY_LEVELS) >= rank(want, REPOSITORY_LEVELS)) {
            return {
                changed: false,
                detail: effective === want
                    ? `${login} already has ${want} on ${t.name}`
                    : `${login} already has ${effective} on ${t.name} (more than ${want}, possibly through ` +
                        'the organization, a team or ownership): not lowered',
            };
        }
        const invitations = await this.invitationsOf(resource, t, login);
        const sufficient = invitations.find((i) => !i.expired && rank(i.level, REPOSITORY_LEVELS) >= rank(want, REPOSITORY_LEVELS));
        if (sufficient !== undefined) {
            return {
                changed: false,
                detail: `${login} already invited to ${t.name} as ${sufficient.level}, pending acceptance` +
                    (sufficient.level === want ? '' : ` (more than ${want}): not lowered`),
            };
        }
        const signal = this.signal();
        const res = await this.call(resource, t, `add ${login} as a collaborator`, () => gh.request('PUT /repos/{owner}/{repo}/collaborators/{username}', {
            owner: t.owner,
            repo: t.repo,
            username: login,
            permission: GITHUB_API_PERMISSION[want],
            request: { signal },
        }));
        if (res.status === 201) {
            return { changed: true, detail: `invited ${login} to ${t.name} as ${want}, pending acceptance` };
        }
        return {
            changed: true,
            detail: `set ${login}'s permission on ${t.name} to ${want}` +
                (effective !== null ? ` (was ${effective})` : ''),
        };
    }
    async revokeRepository(resource, t, login, level, keep) {
        const gh = this.gh();
        const before = await this.directState(resource, t, login);
        const collaborator = before.collaborators[0];
        const done = [];
        const above = (l) => keep === null || rank(l, REPOSITORY_LEVELS) > rank(keep, REPOSITORY_LEVELS);
        for (const inv of before.invitations) {
            // Nothing held: every invitation goes. Levels held: an invitation above them goes (and is
            // re-sent at the held level below when the person is not a collaborator yet).
            if (keep !== null && !above(inv.level))
                continue;
            const signal = this.signal();
            await this.callOr404(resource, t, `delete the invitation of ${login}`, () => gh.request('DELETE /repos/{owner}/{repo}/invitations/{invitation_id}', {
                owner: t.owner,
                repo: t.repo,
                invitation_id: inv.id,
                request: { signal },
            }));
            done.push(`deleted the pending invitation of ${login} (${inv.level})`);
        }
        if (keep === null) {
            if (collaborator !== undefined) {
                const signal = this.signal();
                await this.callOr404(resource, t, `remove ${login} as a collaborator`, () => gh.request('DELETE /repos/{owner}/{repo}/collaborators/{username}', {
                    owner: t.owner,
                    repo: t.repo,
                    username: login,
                    request: { signal },
                }));
                done.push(`removed ${login} (${collaborator.level}) from ${t.name}`);
            }
        }
        else {
            const reinvite = collaborator === undefined && before.invitations.some((i) => above(i.level));
            if ((collaborator !== undefined && above(collaborator.level)) || reinvite) {
                const signal = this.signal();
                const res = await this.call(resource, t, `set the permission of ${login}`, () => gh.request('PUT /repos/{owner}/{repo}/collaborators/{username}', {
                    owner: t.owner,
                    repo: t.repo,
                    username: login,
                    permission: GITHUB_API_PERMISSION[keep],
                    request: { signal },
                }));
                done.push(res.status === 201
                    ? `re-invited ${login} to ${t.name} as ${keep} (still held), pending acceptance`
                    : `set ${login}'s permission on ${t.name} to ${keep} (still held; was ${collaborator?.level ?? 'invited'})`);
            }
        }
        const state = done.length > 0 ? await this.directState(resource, t, login) : before;
        const left = [
            ...state.collaborators.filter((c) => above(c.level)).map((c) => `direct ${c.level}`),
            ...state.invitations.filter((i) => above(i.level)).map((i) => `a pending invitation as ${i.level}`),
        ];
        if (left.length > 0) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`resource ${resource.id}: revoking ${level} of ${login} on ${t.name} was not confirmed: ` +
                `${login} still has ${left.join(' and ')}` +
                (keep === null ? '' : ` (only ${keep} is still held)`), false, GITHUB_ERROR_CODES.notConfirmed);
        }
        // Access through another route (organization base role, a team, ownership) is not ours to
        // remove; report it so the drift is visible.
        const effective = await this.effectivePermission(resource, t, login, false);
        const indirect = effective !== null && above(effective)
            ? `; ${login} still has ${effective} on ${t.name} through the organization, a team or ownership ` +
                '(not managed by gitgrant)'
            : '';
        if (done.length === 0) {
            const now = state.collaborators[0]?.level ?? state.invitations[0]?.level;
            const why = keep === null
                ? `${login} is not a direct collaborator of ${t.name} and has no pending invitation`
                : `${login} has ${now ?? 'no direct access'} on ${t.name}, not more than ${keep} (still held)`;
            return { changed: false, detail: why + indirect };
        }
        return { changed: true, detail: done.join('; ') + indirect };
    }
    /** Effective permission (any route), or null for none; `strict`: a 404 (no such user) throws. */
    async effectivePermission(resource, t, login, strict) {
        const gh = this.gh();
        const signal = this.signal();
        const read = () => gh.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
            owner: t.owner,
            repo: t.repo,
            username: login,
            request: { signal },
        });
        const what = `read the permission of ${login}`;
        const res = strict
            ? await this.call(resource, t, what, read, `repository ${t.name} or GitHub user ${login} not found (or the token cannot see the repository)`)
            : await this.callOr404(resource, t, what, read);
        if (res === undefined)
            return null;
        const data = res.data;
        if (data.permission === 'none')
            return null;
        return levelOf(data.role_name, data.user?.permissions, data.permission);
    }
    /** Direct collaborators and pending invitations (all, or only those of `login`). */
    async directState(resource, t, login) {
        const gh = this.gh();
        const signal = this.signal();
        const users = await this.call(resource, t, 'list the direct collaborators', () => gh.paginate(gh.rest.repos.listCollaborators, {
            owner: t.owner,
            repo: t.repo,
            affiliation: 'direct',
            per_page: 100,
            request: { signal },
        }));
        const want = login?.toLowerCase();
        const collaborators = [];
        for (const u of users) {
            if (want !== undefined && u.login.toLowerCase() !== want)
                continue;
            const level = levelOf(u.role_name, u.permissions);
            if (level !== null)
                collaborators.push({ login: u.login, level });
        }
        const invitations = await this.invitationsOf(resource, t, login);
        return { collaborators, invitations };
    }
    async invitationsOf(resource, t, login) {
        const gh = this.gh();
        const signal = this.signal();
        const all = await this.call(resource, t, 'list the pending invitations', () => gh.paginate(gh.rest.repos.listInvitations, {
            owner: t.owner,
            repo: t.repo,
            per_page: 100,
            request: { signal },
        }));
        const want = login?.toLowerCase();
        const out = [];
        for (const i of all) {
            const invitee = i.invitee?.login;
            if (invitee === undefined || (want !== undefined && invitee.toLowerCase() !== want))
                continue;
            // An invitation whose level we cannot read counts as admin: fail closed on revoke.
            const level = levelOf(String(i.permissions)) ?? 'admin';
            out.push({ id: i.id, login: invitee, level, expired: i.expired === true });
        }
        return out;
    }
    // ---- team ----------------------------------------------------------------------------------
    async grantTeam(resource, t, login, want) {
        const gh = this.gh();
        const current = await this.membership(resource, t, login);
        if (current !== null && rank(current.role, TEAM_LEVELS) >= rank(want, TEAM_LEVELS)) {
            const pending = current.state === 'pending' ? ' (pending: not yet an organization member)' : '';
            return {
                changed: false,
                detail: current.role === want
                    ? `${login} already ${want} of ${t.name}${pending}`
                    : `${login} already ${current.role} of ${t.name} (more than ${want}): not lowered${pending}`,
            };
        }
        const signal = this.signal();
        const res = await this.call(resource, t, `add ${login} to the team`, () => gh.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', {
            org: t.org,
            team_slug: t.slug,
            username: login,
            role: want,
            request: { signal },
        }));
        const state = res.data.state;
        const verb = current === null
            ? `added ${login} to ${t.name} as ${want}`
            : `made ${login} ${want} of ${t.name} (was ${current.role})`;
        return {
            changed: true,
            detail: state === 'pending' ? `${verb}, pending acceptance of the organization invitation` : verb,
        };
    }
    async revokeTeam(resource, t, login, level, keep) {
        const gh = this.gh();
        const above = (l) => keep === null || rank(l, TEAM_LEVELS) > rank(keep, TEAM_LEVELS);
        const current = await this.membership(resource, t, login);
        if (current === null || !above(current.role)) {
            return {
                changed: false,
                detail: current === null
                    ? `${login} is not a member of ${t.name}`
                    : `${login} is ${current.role} of ${t.name}, not more than ${keep} (still held)`,
            };
        }
        const signal = this.signal();
        let detail;
        if (keep === null) {
            await this.callOr404(resource, t, `remove ${login} from the team`, () => gh.request('DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}', {
                org: t.org,
                team_slug: t.slug,
                username: login,
                request: { signal },
            }));
            detail = `removed ${login} (${current.role}) from ${t.name}`;
        }
        else {
            await this.call(resource, t, `set the team role of ${login}`, () => gh.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', {
                org: t.org,
                team_slug: t.slug,
                username: login,
                role: keep,
                request: { signal },
            }));
            detail = `made ${login} ${keep} of ${t.name} (still held; was ${current.role})`;
        }
        const after = await this.membership(resource, t, login);
        if (after !== null && above(after.role)) {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`resource ${resource.id}: revoking ${level} of ${login} on team ${t.name} was not confirmed: ` +
                `${login} is still ${after.role}` +
                (keep === null ? '' : ` (only ${keep} is still held)`), false, GITHUB_ERROR_CODES.notConfirmed);
        }
        return { changed: true, detail };
    }
    async membership(resource, t, login) {
        const gh = this.gh();
        const signal = this.signal();
        const res = await this.callOr404(resource, t, `read the team membership of ${login}`, () => gh.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
            org: t.org,
            team_slug: t.slug,
            username: login,
            request: { signal },
        }));
        if (res === undefined)
            return null;
        const data = res.data;
        // A role we do not know counts as maintainer: fail closed on revoke.
        const role = data.role === 'member' ? 'member' : 'maintainer';
        return { role, state: data.state ?? 'active' };
    }
    // ---- plumbing ------------------------------------------------------------------------------
    prepare(resource) {
        if (resource.provider !== 'github') {
            throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`resource ${resource.id} uses provider ${resource.provider}, not github`, false, GITHUB_ERROR_CODES.config);
        }
        return parseGitHubConfig(resource);
    }
    gh() {
        this.client ??= this.makeClient();
        return this.client;
    }
    signal() {
        return AbortSignal.timeout(this.timeoutMs);
    }
    /** Run one API operation; every failure becomes a ProviderError naming the target. */
    async call(resource, t, action, fn, notFound) {
        try {
            return await fn();
        }
        catch (err) {
            throw toProviderError(err, resource, t, action, notFound);
        }
    }
    /** As `call`, but a 404 answers undefined (absent membership, already deleted). */
    async callOr404(resource, t, action, fn) {
        try {
            return await fn();
        }
        catch (err) {
            if (statusOf(err) === 404)
                return undefined;
            throw toProviderError(err, resource, t, action);
        }
    }
}
function createGitHubProvider(options = {}) {
    return new GitHubProvider(options);
}
function missingToken() {
    return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m('the github provider has no token: give gitgrant a GitHub App installation token (input `app-token`) ' +
        `with ${REQUIRED_PERMISSION.repository} for repository resources and ${REQUIRED_PERMISSION.team} ` +
        'for team resources; the workflow GITHUB_TOKEN cannot manage collaborators or teams', false, GITHUB_ERROR_CODES.config);
}
function isRepositoryLevel(level) {
    return REPOSITORY_LEVELS.includes(level);
}
function isTeamLevel(level) {
    return TEAM_LEVELS.includes(level);
}
function repoLevels(resource, levels) {
    return levels.map((level) => {
        if (!isRepositoryLevel(level))
            throw unknownLevel(resource, level, REPOSITORY_LEVELS);
        return level;
    });
}
function teamLevels(resource, levels) {
    return levels.map((level) => {
        if (!isTeamLevel(level))
            throw unknownLevel(resource, level, TEAM_LEVELS);
        return level;
    });
}
function unknownLevel(resource, level, known) {
    return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`resource ${resource.id}: access level ${JSON.stringify(level)} is not a github level (expected ${known.join(', ')})`, false, GITHUB_ERROR_CODES.unknownLevel);
}
function checkLogin(login, resource) {
    if (!LOGIN.test(login)) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`resource ${resource.id}: ${JSON.stringify(login)} is not a GitHub login`, false, GITHUB_ERROR_CODES.unknownIdentity);
    }
    return login;
}
function rank(level, order) {
    return order.indexOf(level);
}
function highest(levels, order) {
    let best = null;
    for (const l of levels)
        if (best === null || rank(l, order) > rank(best, order))
            best = l;
    return best;
}
/**
 * A repository level from what GitHub reports: a known `role_name`; else (a custom repository
 * role) the highest true flag of `permissions`; else the legacy `permission` (read/write/admin).
 */
function levelOf(roleName, permissions, legacy) {
    const direct = {
        read: 'read',
        pull: 'read',
        triage: 'triage',
        write: 'write',
        push: 'write',
        maintain: 'maintain',
        admin: 'admin',
    };
    if (roleName !== undefined && roleName !== null && direct[roleName] !== undefined)
        return direct[roleName];
    if (permissions) {
        if (permissions['admin'])
            return 'admin';
        if (permissions['maintain'])
            return 'maintain';
        if (permissions['push'])
            return 'write';
        if (permissions['triage'])
            return 'triage';
        if (permissions['pull'])
            return 'read';
        return null;
    }
    if (legacy !== undefined && direct[legacy] !== undefined)
        return direct[legacy];
    return null;
}
function statusOf(err) {
    const status = err?.status;
    return typeof status === 'number' ? status : undefined;
}
function messageOf(err) {
    const m = err?.message;
    return typeof m === 'string' && m !== '' ? m : String(err);
}
function toProviderError(err, resource, t, action, notFound) {
    const what = t.kind === 'repository' ? `repository ${t.name}` : `team ${t.name}`;
    return githubFailure(err, {
        prefix: `resource ${resource.id}: cannot ${action} on ${what}`,
        need: t.kind === 'repository' ? REQUIRED_PERMISSION.repository : REQUIRED_PERMISSION.team,
        notFound: notFound ?? `${what} not found (or the token cannot see it)`,
    });
}
/**
 * A GitHub API failure as a ProviderError: 5xx, 408, 429, rate limits, network errors and
 * timeouts are retryable; 401/403/404/422 and the rest are not. Duck-typed (errors may come from
 * another realm, e.g. under jest's VM modules).
 */
function githubFailure(err, ctx) {
    if (err instanceof _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m)
        return err;
    const { prefix, need } = ctx;
    const name = err?.name;
    const msg = messageOf(err);
    if (name === 'PermissionError') {
        const accepted = err.permission;
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: the token lacks the permission: it needs ${need}` +
            (typeof accepted === 'string' && !accepted.startsWith('unknown')
                ? ` (GitHub accepts ${accepted})`
                : ''), false, GITHUB_ERROR_CODES.permission);
    }
    const status = statusOf(err);
    if (status === undefined || name === 'AbortError' || name === 'TimeoutError') {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: ${msg}`, true, GITHUB_ERROR_CODES.unreachable);
    }
    if (status >= 500 || status === 408 || status === 429 || (status === 403 && /rate limit/i.test(msg))) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: ${msg}`, true, GITHUB_ERROR_CODES.failed);
    }
    if (status === 401) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: the token was refused (401): ${msg}`, false, GITHUB_ERROR_CODES.permission);
    }
    if (status === 403) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: forbidden (403): the token needs ${need}: ${msg}`, false, GITHUB_ERROR_CODES.permission);
    }
    if (status === 404) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: ${ctx.notFound} (404)`, false, GITHUB_ERROR_CODES.notFound);
    }
    if (status === 422) {
        return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: GitHub refused it (422): ${msg}`, false, GITHUB_ERROR_CODES.rejected);
    }
    return new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m(`${prefix}: ${msg}`, false, GITHUB_ERROR_CODES.failed);
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ProviderError),
/* harmony export */   q: () => (/* binding */ subjectFor)
/* harmony export */ });
/* harmony import */ var _core_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4146);
/**
 * The provider interface: the adapters that really grant and revoke on a target system.
 *
 * Contract (docs/providers.md):
 * - `grant` and `revoke` are idempotent: calling either twice leaves the same state, and the
 *   second call reports `changed: false`.
 * - `revoke` reads the state back and throws ProviderError when the access is still there.
 * - Every change carries `held`: all access levels the person should still hold on the resource
 *   after the change (from the baseline and every other active grant, plus `level` for a grant).
 *   Providers never decide effective access themselves: the caller computes it, so revoking one
 *   grant leaves what another grant or the baseline still gives. A provider with one level per
 *   person (GitHub repository permission) sets the highest level in `held`; one with a role per
 *   level (PostgreSQL) keeps exactly the mapped roles of `held`.
 * - `list` returns the current assignments where the target can say (drift detection).
 * - Errors are ProviderError with `retryable` set when a rerun may succeed (5xx, timeouts,
 *   connection refused); nothing is ever reported as changed that was not.
 */

/** The subject of a change on RESOURCE for LOGIN: the id and provider identity from `people:`. */
function subjectFor(resource, login, people) {
    const person = people.get((0,_core_model_js__WEBPACK_IMPORTED_MODULE_0__/* .loginKey */ .H$)(login));
    return {
        login,
        ...(person?.id !== undefined ? { id: person.id } : {}),
        identity: person?.identities[resource.provider] ?? login,
    };
}
class ProviderError extends Error {
    retryable;
    code;
    constructor(message, retryable, code = 'provider-failed') {
        super(message);
        this.retryable = retryable;
        this.code = code;
        this.name = 'ProviderError';
    }
}


/***/ }),

/***/ 3676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ unique),
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   QL: () => (/* binding */ isReviewCode),
/* harmony export */   Vj: () => (/* binding */ verdictOf)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4013);

/** Errors that are about reviews, not about the file. */
const REVIEW_CODES = new Set(['approval-missing', 'changes-requested']);
function isReviewCode(code) {
    return REVIEW_CODES.has(code);
}
function verdictOf(r, outcome) {
    const missing = r.approvals.reduce((n, a) => n + Math.max(0, a.missing), 0);
    const approvals = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(missing, 'approval');
    if (r.ok) {
        if (outcome.checkedApprovals)
            return { state: 'approved', missing: 0, label: '✅ approved' };
        return {
            state: 'valid',
            missing,
            label: missing > 0 ? `☑️ valid · needs ${approvals}` : '✅ valid · no approval needed',
        };
    }
    const codes = r.errors.map((e) => e.code);
    if (codes.length > 0 && codes.every(isReviewCode)) {
        if (codes.includes('changes-requested'))
            return { state: 'changes-requested', missing, label: '⛔ changes requested' };
        return { state: 'waiting', missing, label: `⏳ waiting for ${approvals}` };
    }
    return { state: 'invalid', missing, label: '❌ invalid' };
}
/** `grants/production/alice-db.yaml` → `alice-db.yaml`. */
function baseName(file) {
    const parts = file.split('/');
    return parts[parts.length - 1] || file;
}
/** Unique values in first-seen order. */
function unique(items) {
    return [...new Set(items)];
}


/***/ }),

/***/ 3821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JO: () => (/* binding */ COMMENT_MARKER),
/* harmony export */   Ki: () => (/* binding */ renderDiagnosticLine),
/* harmony export */   Q1: () => (/* binding */ renderPrComment)
/* harmony export */ });
/* unused harmony exports COMMENT_MAX_LENGTH, renderFileDetail, renderFileCompact */
/* harmony import */ var _classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3676);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4013);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5540);
/* harmony import */ var _retro_review_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7383);




/** Hidden first line of the sticky comment; the adapter looks for it to update in place. */
const COMMENT_MARKER = '<!-- gitgrant:validate -->';
/** GitHub rejects comment bodies longer than this. */
const COMMENT_MAX_LENGTH = 65_536;
/** What the renderer aims for: the limit less a margin. */
const COMMENT_BUDGET = COMMENT_MAX_LENGTH - 536;
/** Caps on one file's detail, so that one huge grant cannot crowd out the others. */
const MAX_RESOURCES = 50;
const MAX_TAGS = 12;
const MAX_CANDIDATES = 20;
const MAX_ERRORS = 30;
const MAX_IGNORED = 30;
const MAX_DELETED = 50;
const NAME_MAX = 200;
function more(n, what) {
    return `…and ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(n, what)} more`;
}
function logins(list, max = MAX_CANDIDATES) {
    const shown = list.slice(0, max).map((l) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(l, 100));
    if (list.length > max)
        shown.push(`and ${list.length - max} more`);
    return shown.join(', ');
}
function policyList(names) {
    return names.map((n) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(n, { max: NAME_MAX })).join(', ');
}
function renderDiagnosticLine(d) {
    return `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(d.code)} at ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(`${d.file}:${d.line}:${d.column}`, { max: NAME_MAX + 20 })}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(d.message)}`;
}
const ICON = {
    approved: '✅',
    valid: '✅',
    waiting: '⏳',
    'changes-requested': '⛔',
    invalid: '❌',
};
function fileHeading(r, outcome) {
    return `### ${(0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(r, outcome).label} · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(r.file, { max: NAME_MAX })}`;
}
function requestLines(d) {
    const g = d.grant;
    const p = d.policy;
    const max = p.maxDuration !== undefined
        ? ` (maximum ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(p.maxDuration)}${p.maxDurationPolicy ? `, set by policy ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(p.maxDurationPolicy, { max: NAME_MAX })}` : ''})`
        : '';
    const lines = [
        `- **Requester:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(g.requester, 100)}`,
        `- **Access:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(g.access, { max: 100 })} for ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(g.duration, { max: 100 })}${max}`,
        `- **Reason:** ${g.reason.trim() ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(g.reason) : '_none given_'}`,
    ];
    if (g.ticket !== undefined)
        lines.push(`- **Ticket:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(g.ticket, 200)}`);
    return lines;
}
function resourceTable(d, digest) {
    const verdicts = d.policy.verdicts;
    const digestText = digest ? `, resolution digest ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(digest, { max: 200 })}` : '';
    if (verdicts.length === 0)
        return [`**Resources:** none resolved${digestText}`];
    const head = `**Resources** (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(verdicts.length, 'resource')}${digestText})`;
    const rows = verdicts.slice(0, MAX_RESOURCES).map((v) => {
        const tags = Object.entries(v.resource.tags);
        const tagCells = tags
            .slice(0, MAX_TAGS)
            .map(([k, val]) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(`${k}=${val}`, { inTable: true, max: 200 }));
        if (tags.length > MAX_TAGS)
            tagCells.push(`+${tags.length - MAX_TAGS} more`);
        const policies = [];
        if (v.allow.length)
            policies.push(`allow ${v.allow.map((n) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(n, { inTable: true, max: NAME_MAX })).join(', ')}`);
        if (v.deny.length)
            policies.push(`deny ${v.deny.map((n) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(n, { inTable: true, max: NAME_MAX })).join(', ')}`);
        return `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(v.resource.id, { inTable: true, max: NAME_MAX })} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(v.resource.provider, 50)} | ${tagCells.join(' ') || '_no tags_'} | ${policies.join('; ') || '_none_'} |`;
    });
    const out = [head, '', '| resource | provider | tags | policies |', '| --- | --- | --- | --- |', ...rows];
    if (verdicts.length > MAX_RESOURCES)
        out.push('', more(verdicts.length - MAX_RESOURCES, 'resource'));
    return out;
}
function approvalLines(r, d, outcome) {
    if (!d)
        return [];
    const checked = d.approvals;
    if (d.policy.breakGlass && d.policy.rules.length === 0 && d.policy.ok) {
        // Break-glass (docs/break-glass.md): say plainly what merging means.
        return [`**Approvals:** ⚠️ ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)((0,_retro_review_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .breakGlassNotice */ .I9)(d.policy.breakGlass))}.`];
    }
    if (d.policy.rules.length === 0 && (!checked || checked.rules.length === 0)) {
        if (!d.policy.ok)
            return [];
        const offering = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(d.policy.verdicts.flatMap((v) => v.allow));
        const who = offering.length === 1
            ? `policy ${policyList(offering)} offers`
            : `policies ${policyList(offering)} offer`;
        return [
            `**Approvals:** no approval needed: ${who} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(d.grant.access, { max: 100 })} without approval.`,
        ];
    }
    const out = ['**Approvals**', ''];
    if (checked) {
        for (const rule of checked.rules) {
            const by = rule.policies.length ? ` (policy ${policyList(rule.policies)})` : '';
            out.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(rule.from, { max: 300 })} needs ${rule.count}${by}:`);
            for (const login of rule.approved_by)
                out.push(`  - ✅ approved by **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(login, 100)}**`);
            if (rule.missing > 0) {
                const slots = rule.missing === 1 ? 'open' : `open ×${rule.missing}`;
                const fill = rule.candidates.length
                    ? `can be filled by ${logins(rule.candidates)}`
                    : 'no one else can fill it';
                out.push(`  - ⬜ ${slots}: ${fill}`);
            }
        }
    }
    else {
        // Not checked against reviews (no pull-request facts): say what is needed.
        r.approvals.forEach((a, i) => {
            const policies = d.policy.rules[i]?.policies ?? [];
            const by = policies.length ? ` (policy ${policyList(policies)})` : '';
            out.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(a.from, { max: 300 })} needs ${a.count}${by}`);
        });
    }
    if (checked?.notes.length) {
        out.push('');
        for (const note of checked.notes)
            out.push(`> ℹ️ ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(note)}`);
    }
    if (!d.policy.ok && outcome.checkedApprovals) {
        out.push('', '_Approvals count only once the errors below are fixed._');
    }
    return out;
}
function errorLines(r) {
    if (r.errors.length === 0)
        return [];
    const out = [`**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(r.errors.length, 'error')}**`, ''];
    for (const e of r.errors.slice(0, MAX_ERRORS))
        out.push(renderDiagnosticLine(e));
    if (r.errors.length > MAX_ERRORS)
        out.push(`- ${more(r.errors.length - MAX_ERRORS, 'error')}: see the job summary`);
    return out;
}
function ignoredLines(d) {
    // With nothing to approve, every review is "ignored": listing them would only be noise.
    if (!d?.approvals || d.approvals.rules.length === 0)
        return [];
    const ignored = d.approvals.ignored;
    if (ignored.length === 0)
        return [];
    const out = [
        `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(ignored.length, 'review')} not counted</summary>`,
        '',
        ...ignored.slice(0, MAX_IGNORED).map((i) => `- **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(i.login, 100)}** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(i.reason)}`),
    ];
    if (ignored.length > MAX_IGNORED)
        out.push(`- ${more(ignored.length - MAX_IGNORED, 'review')}`);
    out.push('', '</details>');
    return out;
}
/** Everything about one grant file. */
function renderFileDetail(r, outcome, ctx) {
    const d = outcome.decisions.get(r.file);
    const parts = [[fileHeading(r, outcome)]];
    if (d) {
        parts.push(requestLines(d));
        parts.push(resourceTable(d, ctx.digests?.[r.file]));
    }
    const approvals = approvalLines(r, d, outcome);
    if (approvals.length)
        parts.push(approvals);
    const errors = errorLines(r);
    if (errors.length)
        parts.push(errors);
    const ignored = ignoredLines(d);
    if (ignored.length)
        parts.push(ignored);
    return parts.map((p) => p.join('\n')).join('\n\n');
}
/** One line about one grant file, for when details do not fit. */
function renderFileCompact(r, outcome) {
    const v = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(r, outcome);
    const codes = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(r.errors.map((e) => e.code));
    const errs = codes.length
        ? ` · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(r.errors.length, 'error')}: ${codes
            .slice(0, 5)
            .map((c) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(c))
            .join(', ')}${codes.length > 5 ? ', …' : ''}`
        : '';
    return `- ${v.label} · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(r.file, { max: NAME_MAX })}${errs}`;
}
function deletionLines(deleted) {
    const out = ['### 🗑️ Early revocations', ''];
    for (const file of deleted.slice(0, MAX_DELETED)) {
        out.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(file, { max: NAME_MAX })} is deleted: the access it granted is revoked when this pull request merges`);
    }
    if (deleted.length > MAX_DELETED)
        out.push(`- ${more(deleted.length - MAX_DELETED, 'file')}`);
    return out.join('\n');
}
function overview(outcome) {
    const counts = new Map();
    let missing = 0;
    for (const r of outcome.json.results) {
        const v = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(r, outcome);
        counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
        if (v.state === 'waiting')
            missing += v.missing;
    }
    const n = (s) => counts.get(s) ?? 0;
    const parts = [];
    if (n('approved'))
        parts.push(`${n('approved')} approved`);
    if (n('valid'))
        parts.push(`${n('valid')} valid (approvals not checked)`);
    if (n('waiting'))
        parts.push(`${n('waiting')} waiting for ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(missing, 'approval')}`);
    if (n('changes-requested'))
        parts.push(`${n('changes-requested')} with changes requested`);
    if (n('invalid'))
        parts.push(`${n('invalid')} invalid`);
    const total = outcome.json.results.length;
    const files = total
        ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(total, 'grant request')}: ${parts.join(', ')}`
        : 'No grant request in this pull request';
    const deleted = outcome.deleted.length ? ` · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(outcome.deleted.length, 'early revocation')}` : '';
    return `${files}${deleted}.`;
}
function title(outcome) {
    const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_1__/* .statusFor */ .SR)(outcome);
    const states = new Set(outcome.json.results.map((r) => (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(r, outcome).state));
    const icon = status.state === 'success'
        ? '✅'
        : states.has('invalid')
            ? ICON.invalid
            : states.has('changes-requested')
                ? ICON['changes-requested']
                : states.has('waiting')
                    ? ICON.waiting
                    : '❌';
    return `## ${icon} gitgrant: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(status.description, 200)}`;
}
function footer(ctx) {
    const url = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(ctx.runUrl);
    const bits = [`head ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(ctx.headSha))}`, `checked ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(ctx.now, 40)}`];
    if (url)
        bits.push(`[workflow run](${url})`);
    return `---\n<sub>gitgrant · ${bits.join(' · ')} · this comment is updated in place</sub>`;
}
function joinedLength(blocks) {
    return blocks.reduce((n, b) => n + b.length + 2, 0);
}
function renderPrComment(outcome, ctx) {
    const head = [COMMENT_MARKER, title(outcome), overview(outcome)].join('\n');
    const pre = [head];
    if (!outcome.checkedApprovals) {
        pre.push('> ℹ️ Approvals were not checked against pull-request reviews: they are listed as needed.');
    }
    const post = [];
    if (outcome.deleted.length)
        post.push(deletionLines(outcome.deleted));
    post.push(footer(ctx));
    const results = outcome.json.results;
    const noteReserve = 400;
    const budget = COMMENT_BUDGET - joinedLength(pre) - joinedLength(post) - noteReserve;
    const compact = results.map((r) => renderFileCompact(r, outcome));
    // suffix[i] = room the compact lines of files i.. take.
    const suffix = new Array(results.length + 1).fill(0);
    for (let i = results.length - 1; i >= 0; i--)
        suffix[i] = suffix[i + 1] + compact[i].length + 1;
    const body = [];
    let used = 0;
    let i = 0;
    for (; i < results.length; i++) {
        const full = renderFileDetail(results[i], outcome, ctx);
        const rest = suffix[i + 1] + (i + 1 < results.length ? 2 : 0);
        if (used + full.length + 2 + rest > budget)
            break;
        body.push(full);
        used += full.length + 2;
    }
    if (i < results.length) {
        const detailed = i;
        const lines = [];
        let listed = i;
        for (; listed < results.length; listed++) {
            const line = compact[listed];
            if (used + line.length + 1 > budget)
                break;
            lines.push(line);
            used += line.length + 1;
        }
        if (listed < results.length)
            lines.push(`- …and ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(results.length - listed, 'more grant file')}`);
        const shortened = results.length - detailed;
        body.push(`> ⚠️ This comment is shortened to fit GitHub's ${COMMENT_MAX_LENGTH.toLocaleString('en-US')}-character limit: ` +
            `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .LS)(shortened, 'grant file')} of ${results.length} ${shortened === 1 ? 'is' : 'are'} listed without details. ` +
            'The job summary of the workflow run lists every file and error.');
        body.push(lines.join('\n'));
    }
    return [...pre, ...body, ...post].join('\n\n') + '\n';
}


/***/ }),

/***/ 4013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   pj: () => (/* binding */ plain),
/* harmony export */   wI: () => (/* binding */ utf8Length)
/* harmony export */ });
/* unused harmony exports oneLine, truncate, TEXT_MAX */
/**
 * Escaping for GitHub-flavoured Markdown written into PR comments and job summaries.
 *
 * Everything that comes from a pull request (reasons, tickets, logins, file names, messages
 * that quote them) goes through `text()` or `code()` so it renders inert:
 *   - no HTML: `<`, `>` and `&` become entities (so `&#64;` cannot smuggle an `@` either);
 *   - no Markdown: every other active ASCII punctuation character is backslash-escaped, so
 *     `[click](http://evil)`, `![x](y)`, emphasis, headings, nested lists and `$math$` stay text;
 *   - no mentions or cross-references: `@` and `#` before a word get a zero-width joiner, which
 *     GitHub's mention and issue-reference filters do not match (no one is notified);
 *   - no bare autolinks: `://` and `www.` get a zero-width space;
 *   - one line: line breaks and control characters become spaces, bidi overrides are dropped,
 *     so nothing can start a block of its own or disguise itself;
 *   - bounded: long values are cut with an ellipsis.
 * Pure: no I/O.
 */
const ZWJ = '\u200D';
const ZWSP = '\u200B';
/** Characters that are backslash-escaped in text (`<`, `>`, `&` become entities instead). */
const MARKDOWN_ACTIVE = /[\\`*_{}[\]()#+\-.!|~$]/;
/**
 * One line of plain characters: C0/C1 controls and line/paragraph separators become spaces,
 * bidirectional overrides and isolates are removed (they can make text read backwards).
 */
function oneLine(input) {
    return (input
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, ''));
}
/** Cut to at most `max` UTF-16 code units (never splitting a surrogate pair), ending in `…` when cut. */
function truncate(input, max) {
    if (input.length <= max)
        return input;
    let cut = Math.max(0, max - 1);
    const code = input.charCodeAt(cut - 1);
    if (cut > 0 && code >= 0xd800 && code <= 0xdbff)
        cut--;
    return input.slice(0, cut) + '…';
}
/** Default cap for one user-supplied value in a comment. */
const TEXT_MAX = 1000;
/** Inline Markdown text that renders exactly as `input` reads, and does nothing else. */
function text(input, max = TEXT_MAX) {
    const line = truncate(oneLine(input), max)
        // Break bare autolinks before escaping (the escapes would not stop GitHub's autolinker).
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\b(www)\./gi, `$1${ZWSP}.`);
    let out = '';
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        const next = line[i + 1] ?? '';
        if (ch === '&')
            out += '&amp;';
        else if (ch === '<')
            out += '&lt;';
        else if (ch === '>')
            out += '&gt;';
        else if (ch === '@')
            out += `@${ZWJ}`;
        else if (ch === '#')
            out += /[A-Za-z0-9]/.test(next) ? `\\#${ZWJ}` : '\\#';
        else if (MARKDOWN_ACTIVE.test(ch))
            out += `\\${ch}`;
        else
            out += ch;
    }
    return out;
}
/**
 * A code span holding `input` literally: fenced with more backticks than any run inside, padded
 * when it starts or ends with a backtick or space. Code spans never link, mention or render HTML.
 * In a table cell (`inTable`), `|` is escaped as GFM requires (the backslash is not shown).
 */
function code(input, opts = {}) {
    let body = truncate(oneLine(input), opts.max ?? TEXT_MAX);
    if (body === '')
        return '` `';
    if (opts.inTable)
        body = body.replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A link only when the URL is a plain http(s) URL that cannot break out of `(...)`; otherwise null. */
function safeUrl(url) {
    if (!url)
        return null;
    return /^https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$/.test(url) && !/[()]/.test(url) ? url : null;
}
/** The first 7 characters of a commit id, or the escaped input when it is not hexadecimal. */
function shortSha(sha) {
    return /^[0-9a-f]{4,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : truncate(oneLine(sha), 12);
}
/** Plain text for places that render no Markdown (commit status descriptions, annotations). */
function plain(input, max) {
    return truncate(oneLine(input).replace(/\s+/g, ' ').trim(), max);
}
/** `1 approval`, `2 approvals`. */
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}
/** Size in UTF-8 bytes (job summaries are limited in bytes). */
function utf8Length(input) {
    let n = 0;
    for (let i = 0; i < input.length; i++) {
        const c = input.charCodeAt(i);
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
            n += 4;
            i++;
        }
        else
            n += 3;
    }
    return n;
}


/***/ }),

/***/ 5699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ parseResolutionRecord),
/* harmony export */   o: () => (/* binding */ renderResolutionRecord)
/* harmony export */ });
/**
 * A machine-readable record in the sticky comment of what reviewers were shown: for each grant
 * file, the digest of its resolved resource set, and the head commit it was computed on. apply
 * reads it back at merge (`resolution-changed` when the set differs). Hidden from readers.
 */
const PREFIX = '<!-- gitgrant:resolved ';
const SUFFIX = ' -->';
function renderResolutionRecord(record) {
    // JSON.stringify escapes nothing that could close the comment, so escape `>` ourselves.
    return `${PREFIX}${JSON.stringify(record).replace(/>/g, '\\u003e')}${SUFFIX}`;
}
function parseResolutionRecord(body) {
    const start = body.lastIndexOf(PREFIX);
    if (start < 0)
        return null;
    const end = body.indexOf(SUFFIX, start + PREFIX.length);
    if (end < 0)
        return null;
    try {
        const value = JSON.parse(body.slice(start + PREFIX.length, end));
        if (!value || typeof value !== 'object')
            return null;
        const { head, files } = value;
        if (typeof head !== 'string' || !files || typeof files !== 'object')
            return null;
        const out = {};
        for (const [k, v] of Object.entries(files))
            if (typeof v === 'string')
                out[k] = v;
        return { head, files: out };
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 5540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SR: () => (/* binding */ statusFor)
/* harmony export */ });
/* unused harmony exports STATUS_CONTEXT, STATUS_DESCRIPTION_MAX */
/* harmony import */ var _classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3676);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4013);


const STATUS_CONTEXT = 'gitgrant/approval';
const STATUS_DESCRIPTION_MAX = 140;
/** Join `parts` with `, ` while the whole stays within `room`; the rest becomes `+N more`. */
function fitList(parts, room) {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
        const next = out ? `${out}, ${parts[i]}` : parts[i];
        const left = parts.length - i - 1;
        const tail = left > 0 ? `, +${left} more` : '';
        if (next.length + tail.length > room) {
            const rest = parts.length - i;
            return out ? `${out}, +${rest} more` : `+${rest} more`;
        }
        out = next;
    }
    return out;
}
function line(description) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)(description, STATUS_DESCRIPTION_MAX);
}
function invalidDescription(files) {
    if (files.length === 1) {
        const f = files[0];
        const codes = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(f.errors.filter((e) => !(0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .isReviewCode */ .QL)(e.code)).map((e) => e.code));
        const name = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 60);
        const suffix = ` in ${name}`;
        const head = 'invalid: ';
        const list = codes.length
            ? fitList(codes, STATUS_DESCRIPTION_MAX - head.length - suffix.length)
            : 'not approved';
        return line(`${head}${list}${suffix}`);
    }
    const errors = files.reduce((n, f) => n + f.errors.filter((e) => !(0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .isReviewCode */ .QL)(e.code)).length, 0);
    const head = `invalid: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(errors, 'error')} in ${files.length} files (`;
    const parts = files.map((f) => {
        const first = f.errors.find((e) => !(0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .isReviewCode */ .QL)(e.code));
        return `${first ? first.code : 'not approved'} in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 40)}`;
    });
    return line(`${head}${fitList(parts, STATUS_DESCRIPTION_MAX - head.length - 1)})`);
}
function changesDescription(files) {
    if (files.length === 1) {
        const f = files[0];
        const message = f.errors.find((e) => e.code === 'changes-requested')?.message ?? 'changes requested';
        const suffix = ` on ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 50)}`;
        return line(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)(message, STATUS_DESCRIPTION_MAX - suffix.length)}${suffix}`);
    }
    const head = `changes requested on ${files.length} files (`;
    return line(`${head}${fitList(files.map((f) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 40)), STATUS_DESCRIPTION_MAX - head.length - 1)})`);
}
function waitingDescription(files) {
    const missing = files.reduce((n, f) => n + f.approvals.reduce((m, a) => m + Math.max(0, a.missing), 0), 0);
    if (files.length === 1) {
        const f = files[0];
        const suffix = ` on ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 50)}`;
        const head = `waiting for ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(missing, 'approval')} (`;
        const from = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .unique */ .Am)(f.approvals.filter((a) => a.missing > 0).map((a) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)(a.from, 40)));
        if (from.length === 0)
            return line(`waiting for ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(missing, 'approval')}${suffix}`);
        return line(`${head}${fitList(from, STATUS_DESCRIPTION_MAX - head.length - suffix.length - 1)})${suffix}`);
    }
    const head = `waiting for ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(missing, 'approval')} on ${files.length} files (`;
    return line(`${head}${fitList(files.map((f) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plain */ .pj)((0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.file), 40)), STATUS_DESCRIPTION_MAX - head.length - 1)})`);
}
function statusFor(outcome) {
    const results = outcome.json.results;
    const deleted = outcome.deleted.length;
    const failure = (description) => ({
        state: 'failure',
        description: line(description),
    });
    const byState = {
        invalid: [],
        changes: [],
        waiting: [],
    };
    for (const r of results) {
        const v = (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(r, outcome);
        if (v.state === 'invalid')
            byState.invalid.push(r);
        else if (v.state === 'changes-requested')
            byState.changes.push(r);
        else if (v.state === 'waiting')
            byState.waiting.push(r);
    }
    if (byState.invalid.length)
        return failure(invalidDescription(byState.invalid));
    if (byState.changes.length)
        return failure(changesDescription(byState.changes));
    if (byState.waiting.length)
        return failure(waitingDescription(byState.waiting));
    if (!outcome.json.ok)
        return failure('not approved');
    if (results.length === 0 && deleted === 0)
        return failure('no grant file added or deleted: nothing to approve');
    if (!outcome.checkedApprovals && results.length > 0) {
        return failure(`approvals not checked: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(results.length, 'request')} valid, not yet approved`);
    }
    const parts = [];
    if (results.length)
        parts.push(`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(results.length, 'request')} approved`);
    if (deleted)
        parts.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(deleted, 'early revocation'));
    return { state: 'success', description: line(parts.join(', ')) };
}


/***/ }),

/***/ 7383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ retroReviewedComment),
/* harmony export */   I9: () => (/* binding */ breakGlassNotice),
/* harmony export */   h5: () => (/* binding */ retroReviewBody),
/* harmony export */   jg: () => (/* binding */ retroOverdueStatus),
/* harmony export */   qU: () => (/* binding */ reviewersText),
/* harmony export */   rc: () => (/* binding */ retroReviewTitle)
/* harmony export */ });
/* harmony import */ var _core_approvals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9414);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4013);
/**
 * Texts of the break-glass retro-review issue and its comments (docs/break-glass.md). Pure.
 */


function reviewersText(bg) {
    return bg.rules.map((r) => (0,_core_approvals_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFrom */ .eo)(r.from)).join(' and ');
}
/** The one line validate's comment and apply's report say about a break-glass request. */
function breakGlassNotice(bg) {
    return `break-glass: no approval before merge; a retro-review by ${reviewersText(bg)} is required within ${bg.reviewWithin} or access is revoked`;
}
function retroReviewTitle(f) {
    return `gitgrant: retro-review break-glass grant ${f.grant} (${f.requester}, ${f.access}) by ${f.deadline}`;
}
function retroReviewBody(f) {
    const who = f.candidates.length
        ? ` — can be given by ${f.candidates.map((c) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(c, 100)).join(', ')}`
        : '';
    return [
        `**Break-glass grant:** ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.file, { max: 200 })}: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(f.requester, 100)} got ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.access)} on ${f.resources.map((r) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r, { max: 200 })).join(', ')} **without approval**.`,
        `**Pull request:** #${f.pr}`,
        `**Window:** ${f.start} → ${f.end}`,
        `**Retro-review due by:** ${f.deadline} (${f.breakGlass.reviewWithin} after the merge; policy ${f.breakGlass.policies.map((p) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(p)).join(', ')})`,
        `**Who must review:** ${reviewersText(f.breakGlass)}${who}`,
        '',
        `To review: read what was done, then **approve pull request #${f.pr}** (a review on its merged head, submitted after the merge). The requester, the pull request's author, anyone who authored or committed one of its commits, and bots do not count.`,
        '',
        `If no eligible approval arrives by ${f.deadline}, the scheduled reconcile **revokes the access early** and records it. This issue is closed when the review is there.`,
    ].join('\n');
}
function retroReviewedComment(by, at) {
    return `Retro-reviewed: pull request approved by ${by.map((b) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(b, 100)).join(', ')} (seen ${at}). Closing.`;
}
/** Stable text (no clock): the issue body is updated once, not on every run. */
function retroOverdueStatus(deadline) {
    return `no eligible retro-review by ${deadline}: the access was **revoked early** by reconcile and the revocation is recorded like an expiry. The review is still needed: approve the pull request, and this issue closes.`;
}


/***/ })

};
