import { Module } from '@nestjs/common';
import { SpaShell } from './spa-shell.js';
import { WebAppController } from './web-app.controller.js';

@Module({ controllers: [WebAppController], providers: [SpaShell], exports: [SpaShell] })
export class WebAppModule {}
