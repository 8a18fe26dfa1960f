import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { FastifyInstance } from 'fastify';

const METHODS: readonly HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Which methods each path takes, learnt from the routes as Fastify registers them (the same router
 * Fastify uses), so that a request with a method a path does not take is told so: 405 with
 * `Allow`, rather than a 404 that says the path does not exist.
 */
export class RouteMethods {
  private readonly router = FindMyWay({ ignoreTrailingSlash: false });

  /** Records every route registered on `fastify` from now on. */
  learn(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      // The web app's catch-all (every GET is a page) names no resource: it answers API paths 404.
      // Nor does the single-segment route, which is a page too unless a compressed Digital Link.
      if (route.url === '/*' || route.url === '*' || route.url === '/:segment') return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (METHODS.includes(method as HTTPMethod) && !this.router.hasRoute(method as HTTPMethod, route.url)) {
          this.router.on(method as HTTPMethod, route.url, () => undefined);
        }
      }
    });
  }

  /**
   * The methods a path takes (its query left out); none when no route has the path. OPTIONS alone
   * (EPCIS answers it on every path under /epcis) does not make a path exist.
   */
  allowedFor(url: string): HTTPMethod[] {
    const path = url.split('?')[0]!;
    const methods = METHODS.filter((method) => this.router.find(method, path) !== null);
    return methods.every((method) => method === 'OPTIONS') ? [] : methods;
  }
}
