/**
 * A real local webhook receiver (node:http on 127.0.0.1:0) for end-to-end tests: it verifies the
 * HMAC signature of the exact bytes with crypto.timingSafeEqual (the recipe of docs/providers.md),
 * records every accepted event per path, and answers as the test says (`behaviour`, per path).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEvent {
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string;
  event: {
    type: string;
    grant_id: string;
    person: string;
    identity: string;
    resource: string;
    access: string;
    held: string[];
    window: { start: string | null; end: string | null };
    sent_at: string;
  };
}

/** Status (and optional JSON body) for the n-th accepted request to a path (0-based). */
export type ReceiverBehaviour = (n: number, e: ReceivedEvent) => { status: number; body?: unknown };

export class WebhookReceiver {
  readonly received: ReceivedEvent[] = [];
  readonly rejected: string[] = [];
  /** Per path (e.g. `/hooks/a`); paths without one answer 204. */
  readonly behaviours = new Map<string, ReceiverBehaviour>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  base = '';

  constructor(readonly secret: string) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Accepted events to a path (or all), oldest first. */
  events(path?: string): ReceivedEvent[] {
    return path ? this.received.filter((e) => e.path === path) : [...this.received];
  }

  reset(): void {
    this.received.length = 0;
    this.rejected.length = 0;
    this.behaviours.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-gitgrant-signature-256'] ?? ''));
      if (req.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        this.rejected.push(`${req.method} ${req.url}`);
        res.writeHead(401, { 'Content-Type': 'text/plain' }).end('bad signature');
        return;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      const e: ReceivedEvent = {
        path,
        headers: req.headers,
        idempotencyKey: String(req.headers['x-gitgrant-idempotency-key'] ?? ''),
        event: JSON.parse(raw.toString('utf8')) as ReceivedEvent['event'],
      };
      const n = this.received.filter((r) => r.path === path).length;
      this.received.push(e);
      const answer = this.behaviours.get(path)?.(n, e) ?? { status: 204 };
      if (answer.body === undefined) res.writeHead(answer.status).end();
      else
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  }
}
