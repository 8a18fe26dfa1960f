import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@nguon/shared';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** The built web app's index.html, which answers every page route (the app routes itself). */
@Injectable()
export class SpaShell {
  readonly html: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const file = config.webDistDir ? path.join(config.webDistDir, 'index.html') : null;
    this.html = file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  /** Sends the app with this status to a browser asking for a page; anything else gets the JSON 404. */
  send(request: FastifyRequest, reply: FastifyReply, status: number): void {
    if (!this.html || !wantsPage(request)) throw new DomainError('NOT_FOUND');
    void reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.html);
  }
}

export const wantsPage = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

/**
 * The status a browser's page gets with the app when `error` stopped the server answering it
 * itself (the app then asks for JSON and explains): a domain error's, or 503 for the database
 * away. Null for anything else, a bug, which the error filter answers.
 */
export function pageStatusOf(error: unknown): number | null {
  return error instanceof DomainError ? ERROR_CODES[error.code].status : isDatabaseUnavailable(error) ? 503 : null;
}
