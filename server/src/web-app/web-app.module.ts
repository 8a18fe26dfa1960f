import { Module } from '@nestjs/common';
import { PublicViewModule } from '../public-view/public-view.module.js';
import { PageRenderer } from './page-renderer.js';
import { SpaShell } from './spa-shell.js';
import { WebAppController } from './web-app.controller.js';

@Module({ imports: [PublicViewModule], controllers: [WebAppController], providers: [SpaShell, PageRenderer], exports: [SpaShell] })
export class WebAppModule {}
