import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
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
}
