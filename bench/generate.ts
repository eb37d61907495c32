/**
 * A synthetic organisation for benchmarks: resources with realistic tag spread, policies over
 * them, people, and grant files — as YAML text, so the benchmark goes through the real loader.
 * Deterministic (seeded), so runs compare.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENVS = ['production', 'staging', 'development', 'sandbox'];
const KINDS = ['database', 'repository', 'bucket', 'notebook', 'dashboard', 'queue'];

export interface Org {
  /** policies/ files, each under the 64 KiB cap. */
  policyFiles: { path: string; text: string }[];
  grants: { path: string; text: string }[];
}

/** Split `lines` items (each a block of lines) into files of at most `per` items under `key:`. */
function chunked(prefix: string, key: string, items: string[][], per: number) {
  const out: { path: string; text: string }[] = [];
  for (let i = 0; i < items.length; i += per) {
    out.push({
      path: `policies/${prefix}-${out.length}.yaml`,
      text: `${key}:\n${items
        .slice(i, i + per)
        .flat()
        .join('\n')}\n`,
    });
  }
  return out;
}

export function generateOrg(opts: {
  resources: number;
  policies: number;
  grants: number;
  people?: number;
  teams?: number;
  seed?: number;
}): Org {
  const r = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const teams = Array.from({ length: opts.teams ?? 40 }, (_, i) => `team-${i}`);
  const peopleCount = opts.people ?? 500;

  // Resources, remembered by team so requests can be made that policies allow.
  const res: string[][] = [];
  const byTeam = new Map<string, { id: string; env: string }[]>();
  for (let i = 0; i < opts.resources; i++) {
    const team = pick(teams);
    const env = pick(ENVS);
    res.push([
      `  - id: res-${i}`,
      `    provider: webhook`,
      `    tags: { env: ${env}, team: ${team}, kind: ${pick(KINDS)}${r() < 0.2 ? ', sensitive: pii' : ''} }`,
      `    config: { url: "https://hooks.example.com/r${i}", secret_env: HOOK_SECRET }`,
    ]);
    byTeam.set(team, [...(byTeam.get(team) ?? []), { id: `res-${i}`, env }]);
  }

  const people: string[] = ['people:'];
  const groups: string[] = ['groups:'];
  const teamsOf: string[][] = [];
  for (let i = 0; i < peopleCount; i++) {
    const mine = [...new Set([pick(teams), pick(teams)])];
    teamsOf.push(mine);
    people.push(`  user-${i}: { id: ${1000 + i}, tags: { team: [${mine.join(', ')}] } }`);
  }
  for (const t of teams)
    groups.push(
      `  ${t}-leads: [user-${Math.floor(r() * peopleCount)}, user-${Math.floor(r() * peopleCount)}]`,
    );

  // Policies: one per (team, env) pair first, so every resource is requestable; then broader
  // glob and expression policies on top, and a deny policy every 25th.
  const pols: string[][] = [];
  const pairs = teams.flatMap((t) => ENVS.map((e) => [t, e] as const));
  for (let i = 0; i < opts.policies; i++) {
    const pol = [`  - name: policy-${i}`];
    pols.push(pol);
    if (i % 25 === 24) {
      pol.push(
        '    effect: deny',
        `    resources: { match: { team: ${pick(teams)}, sensitive: pii } }`,
        `    requesters: [user-${Math.floor(r() * peopleCount)}]`,
      );
      continue;
    }
    const [team, env] = i < pairs.length ? pairs[i]! : [`"team-${i % 4}*"`, pick(ENVS)];
    pol.push(
      `    resources:`,
      `      match: { team: ${team} }`,
      `      expressions: [ { key: env, operator: In, values: [${env}] } ]`,
      `    requesters: [ { same_tags: [team] }, group:${team.replace(/"/g, '').replace('*', '')}-leads ]`,
      `    access:`,
      `      read: { max_duration: 8h, approvals: [ { from: [group:${pick(teams)}-leads], count: 1 } ] }`,
      `      write: { max_duration: 2h, approvals: [ { from: [group:${pick(teams)}-leads], count: 1 }, { from: codeowners, count: 1 } ] }`,
    );
  }

  // Requests: a person asks for resources of one of their own teams (most are valid).
  const grants: { path: string; text: string }[] = [];
  for (let i = 0; i < opts.grants; i++) {
    const who = Math.floor(r() * peopleCount);
    const team = pick(teamsOf[who]!);
    const mine = byTeam.get(team) ?? [];
    const one = mine.length ? pick(mine) : { id: 'res-0', env: 'production' };
    const resources =
      r() < 0.7
        ? `  - ${one.id}\n  - ${pick(mine.length ? mine : [one]).id}`
        : `  - match: { team: ${team}, env: ${one.env} }`;
    grants.push({
      path: `grants/${pick(ENVS)}/req-${i}.yaml`,
      text: `requester: user-${who}\nreason: "TICKET-${i}: investigate a synthetic incident number ${i}"\naccess: ${r() < 0.8 ? 'read' : 'write'}\nduration: ${1 + Math.floor(r() * 2)}h\nresources:\n${resources}\n`,
    });
  }
  return {
    policyFiles: [
      ...chunked('resources', 'resources', res, 150),
      ...chunked('policies', 'policies', pols, 60),
      { path: 'policies/people.yaml', text: [...people, ...groups].join('\n') + '\n' },
    ],
    grants,
  };
}
