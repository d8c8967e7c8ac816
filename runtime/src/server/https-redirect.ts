import { createServer, type Server } from 'node:http';

/**
 * A plain-http listener whose only answer is a 308 to the same path over https, so a person who
 * types the bare host lands on TLS. 308 (not 301) keeps the method and body of a POST.
 */
export function startHttpsRedirect(options: {
  port: number;
  hostname: string;
  httpsPort: number;
  /** The public origin when https: redirects go there whatever Host the request named. */
  publicOrigin?: string;
}): Promise<Server> {
  const server = createServer((req, res) => {
    const target = targetOf(req.headers.host, req.url ?? '/', options);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Use https://');
      return;
    }
    res
      .writeHead(308, { location: target, 'content-type': 'text/plain; charset=utf-8' })
      .end(`Moved to ${target}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => resolve(server));
  });
}

function targetOf(
  host: string | undefined,
  path: string,
  options: { httpsPort: number; publicOrigin?: string },
): string | undefined {
  const safePath = path.startsWith('/') ? path : '/';
  if (options.publicOrigin?.startsWith('https:')) return `${options.publicOrigin}${safePath}`;
  if (!host || !URL.canParse(`http://${host}`)) return undefined;
  const { hostname } = new URL(`http://${host}`);
  const port = options.httpsPort === 443 ? '' : `:${options.httpsPort}`;
  return `https://${hostname}${port}${safePath}`;
}
