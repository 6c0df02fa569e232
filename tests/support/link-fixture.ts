import { createServer, type Server } from 'node:http';
import type { TestStack } from './stack';

/**
 * The one web page link previews may read in tests: served on the origin the test stack allows
 * (LINK_PREVIEW_ALLOWED_ORIGINS, set by tests/run.ts). Test files that run at the same time take
 * turns on its port.
 */
export async function startLinkFixture(stack: TestStack, pages: Record<string, (res: import('node:http').ServerResponse, url: string) => void>): Promise<{ origin: string; close(): Promise<void> }> {
  const origin = stack.env.LINK_PREVIEW_ALLOWED_ORIGINS!.split(',')[0]!;
  const port = Number(new URL(origin).port);
  const server: Server = createServer((req, res) => {
    const handler = Object.entries(pages).find(([prefix]) => req.url?.startsWith(prefix))?.[1];
    if (handler) handler(res, req.url!);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => (server.off('error', reject), resolve()));
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const htmlPage = (html: string) => (res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
};
