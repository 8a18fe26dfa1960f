import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Short enough that a mail server that does not answer cannot hold a request for long. */
const SMTP_TIMEOUT_MS = 10_000;

/**
 * Sends mail through nodemailer: SMTP in production; in development and tests the same message
 * is rendered by nodemailer's JSON transport and written to a folder (one file per message) or
 * the log. Callers send after their transaction commits, and a failure is logged, never thrown:
 * what the mail carries (a token) is already stored and can be sent again.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const mail = config.mail;
    this.transport =
      mail.transport === 'smtp'
        ? nodemailer.createTransport({
            url: mail.url,
            connectionTimeout: SMTP_TIMEOUT_MS,
            greetingTimeout: SMTP_TIMEOUT_MS,
            socketTimeout: SMTP_TIMEOUT_MS,
          })
        : nodemailer.createTransport({ jsonTransport: true });
    if (mail.transport === 'log') this.logger.warn('MAIL_TRANSPORT=log: mail is only written to this log, nobody receives it');
  }

  /** Sends one message; true when it left (or was written), false when it failed (logged). */
  async send(message: MailMessage): Promise<boolean> {
    try {
      const info: { message?: unknown } = await this.transport.sendMail({ from: this.config.mail.from, ...message });
      await this.keep(message, info.message);
      return true;
    } catch (error) {
      this.logger.error(`mail "${message.subject}" to ${message.to} was not sent: ${(error as Error).message}`);
      return false;
    }
  }

  private async keep(message: MailMessage, rendered: unknown): Promise<void> {
    const mail = this.config.mail;
    if (mail.transport === 'log') {
      this.logger.log(`to ${message.to}: ${message.subject}\n${message.text}`);
    } else if (mail.transport === 'dir') {
      await mkdir(mail.dir, { recursive: true });
      // Time first, so a folder listing reads oldest to newest.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`;
      await writeFile(path.join(mail.dir, name), String(rendered));
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
