import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server that only counts: any request reaching it means a page escaped its sandbox. */
export class CanaryServer {
  readonly hits: string[] = [];
  private server: Server | null = null;

  async start(): Promise<number> {
    this.server = createServer((request, response) => {
      this.hits.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'text/css' });
      response.end('body{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
