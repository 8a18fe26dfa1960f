import type { IncomingHttpHeaders } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@nguon/shared';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RETRY_AFTER_SECONDS } from '../common/errors/error.filter.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** Paths of the API and the resolver: a miss there is a real 404, never a page. */
const NOT_PAGES = /^\/(api|epcis|01|q|\.well-known)(\/|$)/;

/** The built web app's index.html, which answers every page route (the app routes itself). */
@Injectable()
export class SpaShell {
  readonly html: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const file = config.webDistDir ? path.join(config.webDistDir, 'index.html') : null;
    this.html = file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  /** A page the app routes itself, to a browser; the paths of the API and the resolver are never pages (404). */
  sendPage(request: FastifyRequest, reply: FastifyReply): void {
    if (NOT_PAGES.test(request.url)) throw new DomainError('NOT_FOUND');
    this.send(request, reply, 200);
  }

  /** Sends the app with this status to a browser asking for a page; anything else gets the JSON 404. */
  send(request: FastifyRequest, reply: FastifyReply, status: number): void {
    if (!this.html || !wantsPage(request)) throw new DomainError('NOT_FOUND');
    this.write(reply, status);
  }

  /**
   * A browser's page the server could not answer itself (an unknown code or batch, the database
   * away) gets the app with the error's status; the app then asks for JSON and explains. Answers
   * whether it sent it: a bug, or no built app, is left to the error filter.
   */
  sendForError(error: unknown, reply: FastifyReply): boolean {
    const status = pageStatusOf(error);
    if (status === null || !this.html) return false;
    if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    this.write(reply, status);
    return true;
  }

  private write(reply: FastifyReply, status: number): void {
    void reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.html);
  }
}

export const wantsPage = (request: { headers: IncomingHttpHeaders }): boolean => (request.headers.accept ?? '').includes('text/html');

/** A domain error's status, or 503 for the database away; null for anything else (a bug). */
function pageStatusOf(error: unknown): number | null {
  return error instanceof DomainError ? ERROR_CODES[error.code].status : isDatabaseUnavailable(error) ? 503 : null;
}
