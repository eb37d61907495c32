/**
 * The GitHub API client (`createClient`, src/github/client.ts) against a local HTTP server that
 * answers late, never, or with rate limits: the timeout of each attempt, and which requests are
 * sent again (a creating POST only after a 429 or a rate-limit 403, never after a 5xx, a reset
 * or a timeout).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, isNonIdempotentPost, type ClientOptions } from '../../src/github/client.js';

/** What the server does with the n-th request (0-based) of a path. */
type Behaviour = (n: number, req: http.IncomingMessage, res: http.ServerResponse) => void;

const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const later = (ms: number, fn: () => void) => setTimeout(fn, ms).unref();

const REPO = '/repos/acme/web';
const COMMENTS = `${REPO}/issues/1/comments`;

let server: http.Server;
let base = '';
let behaviour: Record<string, Behaviour> = {};
let seen: string[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = `${req.method} ${req.url?.split('?')[0]}`;
      const n = seen.filter((s) => s === key).length;
      seen.push(key);
      const b = behaviour[key];
      if (b) b(n, req, res);
      else json(res, 404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.GITGRANT_THROTTLE_MIN_TIME_MS = '0'; // no 1 s / 3 s spacing of writes
});

afterAll(async () => {
  process.env = savedEnv;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  behaviour = {};
  seen = [];
  delete process.env.GITGRANT_API_TIMEOUT_MS;
});

afterEach(() => server.closeAllConnections());

function client(opts: ClientOptions = {}, log: string[] = []) {
  const gh = createClient('tok', { retryBaseMs: 1, retries: 2, log: (m) => log.push(m), ...opts });
  gh.hook.before('request', (o) => {
    (o as { baseUrl?: string }).baseUrl = base;
  });
  return gh;
}

async function failure(p: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { status?: number };
  }
  throw new Error('expected the request to fail');
}

const getRepo = (gh: ReturnType<typeof client>) => gh.rest.repos.get({ owner: 'acme', repo: 'web' });
const comment = (gh: ReturnType<typeof client>) =>
  gh.rest.issues.createComment({ owner: 'acme', repo: 'web', issue_number: 1, body: 'hello' });
const count = (key: string) => seen.filter((s) => s === key).length;

describe('timeout of each attempt', () => {
  test('a slow attempt is abandoned and retried; the next one answers', async () => {
    behaviour[`GET ${REPO}`] = (n, _req, res) =>
      n === 0
        ? later(3000, () => json(res, 200, { full_name: 'late' }))
        : json(res, 200, { full_name: 'acme/web' });
    const started = Date.now();
    const { data } = await getRepo(client({ timeoutMs: 300 }));
    expect(data.full_name).toBe('acme/web');
    expect(count(`GET ${REPO}`)).toBe(2);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  test('an answer whose body stalls times out too (never read as empty data)', async () => {
    behaviour[`GET ${REPO}`] = (n, _req, res) => {
      if (n > 0) return json(res, 200, { full_name: 'acme/web' });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write('{"full_name":');
      later(3000, () => res.destroyed || res.end('"late"}'));
    };
    const { data } = await getRepo(client({ timeoutMs: 300 }));
    expect(data.full_name).toBe('acme/web');
    expect(count(`GET ${REPO}`)).toBe(2);
  });

  test('always slow: fails after the retries, saying it timed out and naming the request', async () => {
    behaviour[`GET ${REPO}`] = (_n, _req, res) => later(3000, () => json(res, 200, {}));
    const err = await failure(getRepo(client({ timeoutMs: 200, retries: 1 })));
    expect(err.name).toBe('GitHubApiError');
    expect(err.message).toBe(`GitHub API GET ${REPO} timed out: no answer within 200 ms`);
    expect(err.status).toBeUndefined(); // not a status GitHub sent
    expect(err.message).not.toMatch(/\n\s+at /);
    expect(count(`GET ${REPO}`)).toBe(2);
  });

  test('a creating POST that times out is not sent again (it may have been carried out)', async () => {
    behaviour[`POST ${COMMENTS}`] = (_n, _req, res) => later(3000, () => json(res, 201, { id: 1 }));
    const err = await failure(comment(client({ timeoutMs: 200, retries: 3 })));
    expect(err.message).toBe(`GitHub API POST ${COMMENTS} timed out: no answer within 200 ms`);
    expect(count(`POST ${COMMENTS}`)).toBe(1);
  });

  test('the default comes from GITGRANT_API_TIMEOUT_MS', async () => {
    process.env.GITGRANT_API_TIMEOUT_MS = '250';
    behaviour[`GET ${REPO}`] = (_n, _req, res) => later(3000, () => json(res, 200, {}));
    const err = await failure(getRepo(client({ retries: 0 })));
    expect(err.message).toBe(`GitHub API GET ${REPO} timed out: no answer within 250 ms`);
  });

  test("the caller's own signal still aborts, and is not reported as the client's timeout", async () => {
    behaviour[`GET ${REPO}`] = (_n, _req, res) => later(3000, () => json(res, 200, {}));
    const gh = client({ timeoutMs: 5000, retries: 0 });
    const err = await failure(
      gh.rest.repos.get({ owner: 'acme', repo: 'web', request: { signal: AbortSignal.timeout(150) } }),
    );
    expect(err.message).not.toContain('no answer within 5000 ms');
  });

  test('fast answers pass through unchanged (status, headers, url, a 204)', async () => {
    behaviour[`GET ${REPO}`] = (_n, _req, res) =>
      json(res, 200, { full_name: 'acme/web' }, { 'x-custom': 'yes' });
    behaviour[`DELETE ${REPO}/collaborators/alice`] = (_n, _req, res) => res.writeHead(204).end();
    const gh = client({ timeoutMs: 2000 });
    const r = await getRepo(gh);
    expect(r.status).toBe(200);
    expect(r.headers['x-custom']).toBe('yes');
    expect(r.url).toBe(`${base}${REPO}`);
    const d = await gh.rest.repos.removeCollaborator({ owner: 'acme', repo: 'web', username: 'alice' });
    expect(d.status).toBe(204);
  });
});

describe('which creating POSTs are sent again', () => {
  test('the creating POSTs are recognised', () => {
    expect(isNonIdempotentPost('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(true);
    expect(isNonIdempotentPost('POST', '/repos/{owner}/{repo}/pulls')).toBe(true);
    expect(isNonIdempotentPost('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toBe(false);
  });

  test('429 once: waits for retry-after, then sends it again and succeeds', async () => {
    behaviour[`POST ${COMMENTS}`] = (n, _req, res) =>
      n === 0
        ? json(res, 429, { message: 'Too many requests' }, { 'retry-after': '1' })
        : json(res, 201, { id: 7, body: 'hello' });
    const log: string[] = [];
    const started = Date.now();
    const { data } = await comment(client({}, log));
    expect(data.id).toBe(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(count(`POST ${COMMENTS}`)).toBe(2);
    expect(log).toEqual([
      `rate limit (429) on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retry 1 after 1s`,
    ]);
  });

  test('429 every time: at most rateLimitRetries more attempts, then the 429 is reported', async () => {
    behaviour[`POST ${COMMENTS}`] = (_n, _req, res) =>
      json(res, 429, { message: 'Too many requests' }, { 'retry-after': '0' });
    const err = await failure(comment(client({ rateLimitRetries: 2 })));
    expect(err.message).toBe(`GitHub API POST ${COMMENTS} failed with 429: Too many requests`);
    expect(count(`POST ${COMMENTS}`)).toBe(3);
  });

  test('a secondary rate limit 403: waited out and sent again', async () => {
    behaviour[`POST ${COMMENTS}`] = (n, _req, res) =>
      n === 0
        ? json(res, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' })
        : json(res, 201, { id: 8 });
    const { data } = await comment(client());
    expect(data.id).toBe(8);
    expect(count(`POST ${COMMENTS}`)).toBe(2);
  });

  test('a 502 or a connection reset is not sent again (a GET is)', async () => {
    behaviour[`POST ${COMMENTS}`] = (_n, _req, res) => json(res, 502, { message: 'Bad Gateway' });
    const err = await failure(comment(client()));
    expect(err.message).toBe(`GitHub API POST ${COMMENTS} failed with 502: Bad Gateway`);
    expect(count(`POST ${COMMENTS}`)).toBe(1);

    behaviour[`POST ${COMMENTS}`] = (_n, req) => req.socket.destroy();
    await failure(comment(client()));
    expect(count(`POST ${COMMENTS}`)).toBe(2);

    behaviour[`GET ${REPO}`] = (n, _req, res) =>
      n === 0 ? json(res, 502, { message: 'Bad Gateway' }) : json(res, 200, { full_name: 'acme/web' });
    expect((await getRepo(client())).data.full_name).toBe('acme/web');
    expect(count(`GET ${REPO}`)).toBe(2);
  });
});
