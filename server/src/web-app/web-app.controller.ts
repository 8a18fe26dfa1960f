import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SpaShell } from './spa-shell.js';

/**
 * Every other GET from a browser gets the web app's index.html; the app routes itself. The
 * consumer pages (a batch, a product) come rendered, from page-routes.ts; other single-segment
 * paths from the resolver's scan-routes.ts, which answers compressed Digital Links there.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  constructor(private readonly shell: SpaShell) {}

  @Get(['/', '*'])
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.shell.sendPage(request, reply);
  }
}
