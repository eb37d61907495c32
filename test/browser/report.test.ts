/**
 * `gitgrant report --html` end to end: a temporary access repository whose grants land at
 * controlled times (active, expired, revoked early, pushed without a pull request, landing after
 * `now`, and one pending file in the working tree), the bundled CLI (dist/) writing the page,
 * and the page opened in headless Chromium (through playwright-core; test/helpers/browser.ts)
 * from a loopback HTTP server: no console or page errors, the tables and the timeline hold
 * exactly the expected rows and bars, and a screenshot is written to .tmp/report.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { gitgrant, ROOT } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';

const NOW = '2026-11-29T12:00:00Z';
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)> & 'quotes'`;

const POLICIES = `resources:
  - id: billing-db-prod
    provider: postgres
    tags: { env: production, team: billing, kind: database }
    config: { connection_env: BILLING_DB_URL, roles: { read: billing_read, write: billing_write } }
    baseline: [{ person: erin, access: write }]
  - id: frontend-web
    provider: github
    tags: { env: production, team: frontend, kind: repository }
    config: { repository: acme/frontend-web }
  - id: analytics-db-staging
    provider: postgres
    tags: { env: staging, team: data-science, kind: database }
    config: { connection_env: ANALYTICS_STAGING_DB_URL, roles: { read: analytics_read } }
  - id: ds-notebooks
    provider: webhook
    tags: { env: staging, team: data-science, kind: notebook }
    config: { url: "https://hooks.example.com/notebooks", secret_env: NOTEBOOK_HOOK_SECRET }
  - id: orders-db-prod
    provider: postgres
    tags: { env: production, team: commerce, kind: database }
    config: { connection_env: ORDERS_DB_URL, roles: { read: orders_read } }
people:
  alice: { id: 101 }
  bob: { id: 102 }
  carol: { id: 103 }
  dave: { id: 104 }
  erin: { id: 105 }
  frank: { id: 106 }
groups:
  sre: [bob, carol]
  engineering: [alice, bob, carol, dave, erin, frank]
policies:
  - name: production
    resources: { match: { env: production } }
    requesters: [group:engineering]
    access:
      read: { max_duration: 3d, approvals: [{ from: [group:sre], count: 1 }] }
      write: { max_duration: 1d, approvals: [{ from: [group:sre], count: 1 }, { from: codeowners, count: 1 }] }
  - name: staging
    resources: { match: { env: staging } }
    requesters: [group:engineering]
    access:
      read: { max_duration: 3d, approvals: [] }
`;

const grant = (requester: string, access: string, duration: string, resources: string[], reason: string) =>
  `requester: ${requester}\nreason: ${JSON.stringify(reason)}\naccess: ${access}\nduration: ${duration}\nresources:\n${resources.map((r) => `  - ${r}`).join('\n')}\n`;

/** Expected content of the page, for NOW. */
const ACTIVE = ['erin-billing-8h', 'dave-frontend', 'erin-notebooks', 'alice-billing-read']; // soonest end first
const TIMELINE: Record<string, number> = {
  'analytics-db-staging': 3, // carol-staging (expired), erin-direct (never applied), erin-notebooks
  'billing-db-prod': 3, // dave-revoke (revoked early), erin-billing-8h, alice-billing-read (2 lanes)
  'ds-notebooks': 1, // erin-notebooks
  'frontend-web': 2, // bob-frontend (expired), dave-frontend
};
const PENDING = 'grants/production/frank-billing-write.yaml';

function buildFixture(): TempRepo {
  const repo = new TempRepo();
  repo.write('policies/acme.yaml', POLICIES);
  repo.write('.github/CODEOWNERS', '/grants/production/ @erin @carol\n');
  repo.commit('Policies', '2026-10-01T09:00:00Z');
  let pr = 0;
  const land = (path: string, content: string, at: string, how: 'merge' | 'squash' | 'direct' = 'merge') => {
    repo.write(path, content);
    const id = /([^/]+)\.yaml$/.exec(path)![1]!;
    const n = ++pr;
    repo.commit(
      how === 'merge'
        ? `Merge pull request #${n} from acme/${id}\n\nRequest ${id}`
        : how === 'squash'
          ? `Request ${id} (#${n})`
          : `Add ${id}`,
      at,
    );
  };
  const remove = (path: string, at: string, message: string) => {
    repo.remove(path);
    repo.commit(message, at);
  };
  // Before the 30-day range: never on the timeline.
  land(
    'grants/production/alice-old.yaml',
    grant('alice', 'read', '1d', ['billing-db-prod'], 'old'),
    '2026-10-20T09:00:00Z',
  );
  remove(
    'grants/production/alice-old.yaml',
    '2026-10-21T09:22:00Z',
    'gitgrant: revoke expired grant alice-old',
  );
  // Expired inside the range.
  land(
    'grants/production/bob-frontend.yaml',
    grant('bob', 'write', '1d', ['frontend-web'], 'release 4.2'),
    '2026-11-05T09:00:00Z',
  );
  remove(
    'grants/production/bob-frontend.yaml',
    '2026-11-06T09:07:00Z',
    'gitgrant: revoke expired grant bob-frontend',
  );
  land(
    'grants/staging/carol-staging.yaml',
    grant('carol', 'read', '2d', ['analytics-db-staging'], 'query plans'),
    '2026-11-10T14:00:00Z',
    'squash',
  );
  remove(
    'grants/staging/carol-staging.yaml',
    '2026-11-12T14:07:00Z',
    'gitgrant: revoke expired grant carol-staging',
  );
  // Revoked early by deleting the file.
  land(
    'grants/production/dave-revoke.yaml',
    grant('dave', 'read', '3d', ['billing-db-prod'], 'INC-7'),
    '2026-11-15T08:00:00Z',
  );
  remove('grants/production/dave-revoke.yaml', '2026-11-16T08:00:00Z', 'Done early (#99)');
  // Pushed without a pull request: never applied.
  land(
    'grants/staging/erin-direct.yaml',
    grant('erin', 'read', '1d', ['analytics-db-staging'], 'direct push'),
    '2026-11-20T10:00:00Z',
    'direct',
  );
  remove(
    'grants/staging/erin-direct.yaml',
    '2026-11-21T10:07:00Z',
    'gitgrant: revoke expired grant erin-direct',
  );
  // Active at NOW.
  land(
    'grants/staging/erin-notebooks.yaml',
    grant('erin', 'read', '3d', ['ds-notebooks', 'analytics-db-staging'], 'model training'),
    '2026-11-27T12:00:00Z',
  );
  land(
    'grants/production/alice-billing-read.yaml',
    grant('alice', 'read', '3d', ['billing-db-prod'], HOSTILE),
    '2026-11-28T10:00:00Z',
  );
  land(
    'grants/production/erin-billing-8h.yaml',
    grant('erin', 'read', '8h', ['billing-db-prod'], 'INC-9: exports'),
    '2026-11-29T06:00:00Z',
  );
  land(
    'grants/production/dave-frontend.yaml',
    grant('dave', 'write', '1d', ['frontend-web'], 'hotfix'),
    '2026-11-29T08:00:00Z',
    'squash',
  );
  // Lands after NOW: not part of a report as of NOW.
  land(
    'grants/production/frank-future.yaml',
    grant('frank', 'read', '1d', ['orders-db-prod'], 'later'),
    '2026-11-30T09:00:00Z',
  );
  // Pending: in the working tree, not on the default branch.
  repo.write(
    PENDING,
    grant('frank', 'write', '2h', ['billing-db-prod'], 'INC-12: fix <b>stuck</b> invoices'),
  );
  return repo;
}

const RECONCILE_RESULT = {
  ok: false,
  drift: [
    {
      resource: 'billing-db-prod',
      identity: 'mallory<i>',
      access: 'write',
      pruned: false,
      detail: 'role billing_write held by mallory<i>; no grant or baseline explains it',
    },
  ],
  failures: [
    { file: 'grants/production/x.yaml', resource: 'billing-db-prod', message: 'timeout', retryable: true },
  ],
  not_approved: [],
  kept: [],
  record: null,
  stale: false,
};

describe('gitgrant report --html (bundled CLI)', () => {
  let repo: TempRepo;
  let work: string;
  let outDir: string;
  let html: string;

  beforeAll(() => {
    repo = buildFixture();
    work = mkdtempSync(join(tmpdir(), 'gitgrant-report-'));
    outDir = join(work, 'out');
    writeFileSync(join(work, 'result.json'), JSON.stringify(RECONCILE_RESULT));
    const r = gitgrant([
      'report',
      '--html',
      outDir,
      '--repo',
      repo.dir,
      '--now',
      NOW,
      '--github',
      'acme/access',
      '--reconcile-result',
      join(work, 'result.json'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('4 active, 1 pending, 4 resources on the timeline');
    html = readFileSync(join(outDir, 'index.html'), 'utf8');
  });
  afterAll(() => {
    repo?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('self-contained: a strict CSP, no script, no external resource', () => {
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'">/,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset)=/i);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  test('user-supplied text is escaped', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &#39;quotes&#39;',
    );
    expect(html).toContain('mallory&lt;i&gt;');
    expect(html).toContain('INC-12: fix &lt;b&gt;stuck&lt;/b&gt; invoices');
  });

  test('deterministic for a fixed --now', () => {
    const again = join(work, 'again');
    const r = gitgrant([
      'report',
      '--html',
      again,
      '--repo',
      repo.dir,
      '--now',
      NOW,
      '--github',
      'acme/access',
      '--reconcile-result',
      join(work, 'result.json'),
    ]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(again, 'index.html'), 'utf8')).toBe(html);
  });

  test('without a reconcile result, drift is a note; bad options are usage errors', () => {
    const plain = join(work, 'plain');
    const r = gitgrant(['report', '--html', plain, '--repo', repo.dir, '--now', NOW]);
    expect(r.status).toBe(0);
    const page = readFileSync(join(plain, 'index.html'), 'utf8');
    expect(page).toContain('id="drift-note"');
    expect(page).toContain('Drift comes from the last reconcile run');
    expect(page).toContain('>#6<'); // no --github: PR numbers without links
    expect(gitgrant(['report', '--repo', repo.dir]).status).toBe(2);
    expect(gitgrant(['report', '--html', plain, '--repo', repo.dir, '--days', '0']).status).toBe(2);
    expect(
      gitgrant(['report', '--html', plain, '--repo', repo.dir, '--github', 'javascript:alert(1)']).status,
    ).toBe(2);
    writeFileSync(join(work, 'bad.json'), '{"drift": 3}');
    const bad = gitgrant([
      'report',
      '--html',
      plain,
      '--repo',
      repo.dir,
      '--reconcile-result',
      join(work, 'bad.json'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a reconcile result');
  });

  describe('in headless Chromium', () => {
    let server: Server;
    let base: string;
    let browser: Browser | undefined;
    let page: Page;
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const foreignRequests: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html')) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(readFileSync(join(outDir, 'index.html')));
        } else {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(base) && !url.startsWith('data:')) foreignRequests.push(url);
      });
      const response = await page.goto(`${base}/`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    });

    test('no console errors, no page errors, no request leaves the page', async () => {
      await page.waitForTimeout(200);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      // The stylesheet applied (the CSP hash matched): panels have a border radius.
      const radius = await page.$eval(
        'section.panel',
        (el) => el.ownerDocument.defaultView?.getComputedStyle(el).borderTopLeftRadius,
      );
      expect(radius).toBe('10px');
    });

    test('the active-grants table has exactly the expected rows', async () => {
      const rows = await page.$$eval('#active-grants tbody tr', (trs) =>
        trs.map((tr) => ({
          grant: tr.getAttribute('data-grant'),
          cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()),
          link: tr.querySelector('a')?.getAttribute('href') ?? null,
        })),
      );
      expect(rows.map((r) => r.grant)).toEqual(ACTIVE);
      const alice = rows.find((r) => r.grant === 'alice-billing-read')!;
      expect(alice.cells[0]).toBe('alice');
      expect(alice.cells[1]).toContain('billing-db-prod');
      expect(alice.cells[1]).toContain(`<script>alert(1)</script>`); // shown as text
      expect(alice.cells[2]).toBe('read');
      expect(alice.cells[3]).toBe('2026-12-01 10:00 UTC 1d 22h left');
      expect(alice.cells[5]).toBe('#7');
      expect(alice.link).toBe('https://github.com/acme/access/pull/7');
      const erin = rows.find((r) => r.grant === 'erin-notebooks')!;
      expect(erin.cells[1]).toContain('ds-notebooks');
      expect(erin.cells[1]).toContain('analytics-db-staging');
      expect(await page.locator('[data-stat="active-count"] .n').textContent()).toBe('4');
      expect(await page.locator('[data-stat="people-count"] .n').textContent()).toBe('3');
      // Nothing the hostile reason tried to inject exists.
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
    });

    test('the timeline has one row per resource with the right number of bars', async () => {
      const rows = await page.$$eval('#timeline-rows .tl-row', (els) =>
        els.map((el) => ({
          resource: el.getAttribute('data-resource')!,
          bars: el.querySelectorAll('rect.bar').length,
          titled: [...el.querySelectorAll('rect.bar')].every(
            (b) => !!b.querySelector('title')?.textContent && !!b.getAttribute('aria-label'),
          ),
          label: el.getAttribute('aria-label'),
        })),
      );
      expect(Object.fromEntries(rows.map((r) => [r.resource, r.bars]))).toEqual(TIMELINE);
      expect(rows.map((r) => r.resource)).toEqual(Object.keys(TIMELINE).sort());
      expect(rows.every((r) => r.titled)).toBe(true);
      expect(rows.find((r) => r.resource === 'billing-db-prod')!.label).toBe(
        'billing-db-prod: 3 windows in the last 30 days',
      );
      const outcomes = await page.$$eval('rect.bar', (bars) =>
        bars.map((b) => `${b.getAttribute('data-grant')}:${b.getAttribute('class')}`).sort(),
      );
      expect(outcomes).toEqual(
        [
          'alice-billing-read:bar active',
          'bob-frontend:bar expired',
          'carol-staging:bar expired',
          'dave-frontend:bar active',
          'dave-revoke:bar revoked-early',
          'erin-billing-8h:bar active',
          'erin-direct:bar never-applied',
          'erin-notebooks:bar active',
          'erin-notebooks:bar active',
        ].sort(),
      );
      // Overlapping windows on one resource get their own lane: the bars do not overlap.
      const boxes = await page.$$eval('[data-resource="billing-db-prod"] rect.bar', (bars) =>
        bars.map((b) => {
          const r = b.getBoundingClientRect();
          return { grant: b.getAttribute('data-grant'), y: Math.round(r.y), w: r.width };
        }),
      );
      const y = Object.fromEntries(boxes.map((b) => [b.grant, b.y]));
      expect(y['erin-billing-8h']).not.toBe(y['alice-billing-read']);
      expect(boxes.every((b) => b.w >= 1)).toBe(true);
    });

    test('the pending request is shown with its open slots', async () => {
      const rows = await page.$$eval('#pending-requests tbody tr', (trs) =>
        trs.map((tr) => ({
          file: tr.getAttribute('data-file'),
          text: (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
          slots: [...tr.querySelectorAll('.slots li')].map((li) =>
            (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        })),
      );
      expect(rows.map((r) => r.file)).toEqual([PENDING]);
      expect(rows[0]!.text).toContain('valid · needs approval');
      expect(rows[0]!.text).toContain('frank');
      expect(rows[0]!.text).toContain('INC-12: fix <b>stuck</b> invoices');
      expect(rows[0]!.slots).toEqual([
        'needs 1 from group:sre (bob, carol)',
        'needs 1 from codeowners (@carol, @erin)',
      ]);
    });

    test('drift from the reconcile result is shown', async () => {
      const drift = await page.$$eval('#drift-table tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
      );
      expect(drift).toEqual([
        [
          'billing-db-prod',
          'mallory<i>',
          'write',
          'role billing_write held by mallory<i>; no grant or baseline explains it',
          'reported',
        ],
      ]);
      expect(await page.locator('[data-stat="drift-count"] .n').textContent()).toBe('1');
    });

    test('screenshots (light and dark) are written', async () => {
      const dir = join(ROOT, '.tmp');
      mkdirSync(dir, { recursive: true });
      const light = join(dir, 'report.png');
      const dark = join(dir, 'report-dark.png');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: light, fullPage: true });
      await page.locator('#timeline').screenshot({ path: join(dir, 'report-timeline.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: dark, fullPage: true });
      expect(statSync(light).size).toBeGreaterThan(10_000);
      expect(statSync(dark).size).toBeGreaterThan(10_000);
      expect(consoleErrors).toEqual([]);
    }, 60_000);
  });
});
