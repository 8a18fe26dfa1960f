import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { SpaShell } from './spa-shell.js';

/** Paths of the API and the resolver: a miss there is a real 404, never a page. */
const NOT_PAGES = /^\/(api|epcis|01|q|\.well-known)(\/|$)/;

/**
 * Every other GET from a browser gets the web app's index.html; the app routes itself. The
 * consumer pages (a batch, a product) come rendered, from page-routes.ts.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  constructor(private readonly shell: SpaShell) {}

  @Get(['/', '*'])
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    if (NOT_PAGES.test(request.url)) throw new DomainError('NOT_FOUND');
    this.shell.send(request, reply, 200);
  }
}
