/**
 * Real local servers that misbehave on purpose, for the fault-injection suite (test/fault/):
 *
 * - `FaultReceiver`: a signed webhook receiver (HMAC-SHA256 over the exact bytes, checked with
 *   timingSafeEqual, as docs/providers.md says) with a fault queue like the GitHub fake's
 *   (`status`, `reset`, `delayMs`, `times`). It keeps a LEDGER: per (resource path, person) the
 *   type of the last event it ACCEPTED (answered 2xx) — what the target system would hold.
 * - `tcpFaultServer('reset' | 'silent')`: a TCP listener that destroys every connection at once
 *   (a PostgreSQL connection reset) or accepts and never answers (a connect timeout).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ReceiverFault {
  status?: number;
  reset?: true;
  delayMs?: number;
  /** Default 1; Infinity allowed. */
  times?: number;
}

export interface AcceptedEvent {
  path: string;
  idempotencyKey: string;
  event: { type: 'grant' | 'revoke'; grant_id: string; person: string; resource: string; access: string };
}

export class FaultReceiver {
  /** Every request that reached the handler (faulted ones included), in order. */
  readonly seen: { path: string; status: number; faulted: boolean }[] = [];
  /** Events answered 2xx, in order. */
  readonly accepted: AcceptedEvent[] = [];
  /** path\0person → 'grant' | 'revoke' (the last accepted event), set by events and by `setHeld`. */
  readonly ledger = new Map<string, 'grant' | 'revoke'>();
  private faults: (ReceiverFault & { remaining: number })[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  base = '';

  constructor(readonly secret: string) {
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  injectFault(f: ReceiverFault): void {
    this.faults.push({ ...f, remaining: f.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Test-side setup: the target holds (or not) access for this person, as if an event had been accepted. */
  setHeld(path: string, person: string, held: boolean): void {
    this.ledger.set(`${path}\0${person.toLowerCase()}`, held ? 'grant' : 'revoke');
  }

  holds(path: string, person: string): boolean {
    return this.ledger.get(`${path}\0${person.toLowerCase()}`) === 'grant';
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '/').split('?')[0]!;
        const fault = this.faults.find((f) => f.remaining > 0);
        if (fault) {
          fault.remaining -= 1;
          if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
          if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
          if (fault.reset) {
            this.seen.push({ path, status: 0, faulted: true });
            req.socket.destroy();
            return;
          }
          if (fault.status !== undefined) {
            this.seen.push({ path, status: fault.status, faulted: true });
            if (!res.writableEnded && !req.socket.destroyed)
              res.writeHead(fault.status, { 'Content-Type': 'application/json' }).end('{"error":"injected"}');
            return;
          }
        }
        const raw = Buffer.concat(chunks);
        const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-gitgrant-signature-256'] ?? ''));
        if (req.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
          this.seen.push({ path, status: 401, faulted: false });
          res.writeHead(401).end('bad signature');
          return;
        }
        // The client may have given up while a delay ran (a timeout): what the target did still
        // counts, exactly as a real receiver would have acted on it.
        const e = JSON.parse(raw.toString('utf8')) as AcceptedEvent['event'];
        this.accepted.push({
          path,
          idempotencyKey: String(req.headers['x-gitgrant-idempotency-key']),
          event: e,
        });
        this.ledger.set(`${path}\0${e.person.toLowerCase()}`, e.type);
        this.seen.push({ path, status: 204, faulted: !!fault });
        if (!res.writableEnded && !req.socket.destroyed) res.writeHead(204).end();
      })();
    });
  }
}

export interface TcpFaultServer {
  port: number;
  /** A postgres:// URL on this port (credentials and database copied from `like`). */
  urlLike(like: string): string;
  connections: number;
  close(): Promise<void>;
}

export async function tcpFaultServer(mode: 'reset' | 'silent'): Promise<TcpFaultServer> {
  const sockets = new Set<Socket>();
  const out = {
    port: 0,
    connections: 0,
    urlLike(like: string): string {
      const u = new URL(like);
      u.hostname = '127.0.0.1';
      u.port = String(out.port);
      return u.toString();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = net.createServer((s) => {
    out.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    if (mode === 'reset') s.resetAndDestroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  out.port = (server.address() as AddressInfo).port;
  return out;
}
