/** Fault injection: scripted failures consumed in order by matching requests. */

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Exact request path (e.g. `/repos/acme/access/pulls/1`), a route template (`/repos/{owner}/{repo}/pulls/{pull_number}`), or a RegExp tested against the path. */
  path: string | RegExp;
  /** Status to answer with; omitted with `delayMs` only: delay, then serve normally. */
  status?: number;
  /** JSON body of the faulty answer (default `{ message, documentation_url }`). */
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Destroy the socket without answering (after `delayMs`). */
  reset?: true;
  /** How many matching requests this fault affects (default 1; `Infinity` allowed). */
  times?: number;
  /** 403 "You have exceeded a secondary rate limit" with `retry-after` (default '1'). */
  secondaryRateLimit?: true;
}

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults not yet consumed. */
  get pending(): readonly ActiveFault[] {
    return this.faults;
  }

  /** Takes the first fault matching this request, decrementing its count. */
  take(
    method: string,
    rawPath: string,
    decodedPath: string,
    template: string | null,
  ): ActiveFault | undefined {
    const i = this.faults.findIndex((f) => matches(f, method, rawPath, decodedPath, template));
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return f;
  }
}

function matches(
  f: FaultSpec,
  method: string,
  rawPath: string,
  decodedPath: string,
  template: string | null,
): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  if (f.path instanceof RegExp) {
    f.path.lastIndex = 0;
    if (f.path.test(decodedPath)) return true;
    f.path.lastIndex = 0;
    return f.path.test(rawPath);
  }
  return f.path === rawPath || f.path === decodedPath || (template !== null && f.path === template);
}

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';
