import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';

export type FakeResponse = {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
};

export type FakeRoute = (
  req: IncomingMessage,
  url: URL,
  baseUrl: string,
) => FakeResponse | undefined;

/**
 * A local HTTP server on 127.0.0.1 (random port) that answers like the
 * GitHub REST API or the Scorecard API from hand-written fixtures. Routes
 * are matched on the path; each request is recorded.
 */
export async function startFakeApi(
  routes: Record<string, FakeRoute | FakeResponse>,
) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  let server: Server;
  const base = await new Promise<string>(resolve => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({
        path: `${url.pathname}${url.search}`,
        authorization: req.headers.authorization,
      });
      const route = routes[url.pathname];
      const answer =
        typeof route === 'function' ? route(req, url, baseUrl()) : route;
      const {
        status = 200,
        headers = {},
        body,
      } = answer ?? {
        status: 404,
        body: {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
          status: '404',
        },
      };
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
    server.listen(0, '127.0.0.1', () => resolve(baseUrl()));
  });
  function baseUrl() {
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return {
    baseUrl: base,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port that was just freed. */
export async function unreachableUrl() {
  const api = await startFakeApi({});
  await api.close();
  return api.baseUrl;
}
