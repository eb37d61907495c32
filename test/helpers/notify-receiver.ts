/**
 * A real local Slack-style incoming-webhook receiver (node:http on 127.0.0.1:0) for the
 * notification tests: records every POSTed JSON message per path and answers as told.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackPost {
  path: string;
  contentType: string;
  body: { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
}

export class NotifyReceiver {
  readonly posts: SlackPost[] = [];
  /** Status to answer per path (default 200). */
  readonly status = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const status = this.status.get(path) ?? 200;
      if (status < 300) {
        this.posts.push({
          path,
          contentType: String(req.headers['content-type'] ?? ''),
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackPost['body'],
        });
      }
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  texts(path?: string): string[] {
    return this.posts.filter((p) => !path || p.path === path).map((p) => p.body.text);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
