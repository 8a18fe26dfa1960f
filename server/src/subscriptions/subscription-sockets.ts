import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, localize, pickLocale } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import { Authenticator } from '../auth/authenticator.js';
import type { PrincipalRef } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { translateFieldErrors } from '../common/validation/field-error-messages.js';
import { Notices } from '../common/notices/notices.js';
import { parseEpcFormat, type EpcFormat } from '../epcis/epc-format.js';
import { epcisProblemType } from '../epcis/epcis-problems.js';
import { EpcisQueryService } from '../epcis/epcis-query.service.js';
import { NamedQueriesService } from '../epcis/named-queries.service.js';
import { QUERY_DELETED_CHANNEL } from '../epcis/named-queries.queries.js';
import { queryDocument } from '../epcis/query-document.js';
import type { StoredQuery } from '../epcis/stored-query.js';
import { nextRun } from './query-schedule.js';
import { socketTiming } from './socket-terms.js';
import { EVENTS_RECORDED_CHANNEL, mayStillRead, NO_EVENT, nextDocument } from './subscription-window.js';
import type { SubscriptionTiming } from './subscription-terms.js';

const EVENTS_PATH = /^\/epcis\/queries\/([^/]+)\/events$/;
/** Sockets one subscriber may hold at once, on one instance. */
const SOCKETS_PER_SUBSCRIBER = 10;
/** setTimeout's longest wait; a schedule further off waits in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** Close code of a socket whose named query was deleted (4000–4999 are the application's). */
const QUERY_DELETED_CLOSE = 4404;
/** How long a closing socket may take to answer before it is cut. */
const CLOSE_GRACE_MS = 1_000;
/**
 * A stream's events wait behind an older transaction still running. One that records events says
 * so when it ends; others (the log's sequencer, a webhook's claim) do not, so the socket looks
 * again this often, this many times, rather than wait for the next event.
 */
const HELD_RETRY_MS = 250;
const HELD_RETRIES = 40;

interface SocketSubscription {
  ws: WebSocket;
  subscriber: PrincipalRef;
  queryId: string;
  query: StoredQuery;
  format: EpcFormat;
  timing: SubscriptionTiming;
  recordedFrom: Date;
  position: { txid: string; eventId: string };
  running: Promise<void> | null;
  again: boolean;
  /** A schedule's next run; a stream's next look behind a running transaction. */
  timer: NodeJS.Timeout | null;
  /** Looks again, since the last event recorded, at a window held by a running transaction. */
  held: number;
}

/**
 * WebSocket subscriptions (`GET /epcis/queries/{name}/events` with `Upgrade: websocket` and
 * `stream=true` or a schedule, as GS1's binding has them): the socket receives EPCISQueryDocuments
 * of the new matching events, read with its subscriber's rights as they stand at each sending.
 * Whichever instance holds the socket hears of recorded events through the database's notices, so
 * events captured on any instance reach it. A socket's position lives with it: a client that
 * reconnects says where to start again with `initialRecordTime`.
 */
@Injectable()
export class SubscriptionSockets implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SubscriptionSockets.name);
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly open = new Set<SocketSubscription>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectDataSource() private readonly db: DataSource,
    private readonly notices: Notices,
    private readonly authenticator: Authenticator,
    private readonly queries: NamedQueriesService,
    private readonly epcis: EpcisQueryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const http = this.adapterHost.httpAdapter.getHttpServer() as Server;
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(request, socket, head));
    const pushStreams = () =>
      this.open.forEach((s) => {
        if (!s.timing.stream) return;
        s.held = 0;
        this.push(s, false);
      });
    await this.notices.listen(EVENTS_RECORDED_CHANNEL, { heard: pushStreams, missed: pushStreams });
    await this.notices.listen(QUERY_DELETED_CHANNEL, {
      heard: (queryId) => this.closeQueries(new Set([queryId])),
      missed: () => void this.closeDeletedQueries(),
    });
  }

  /** Before the HTTP server closes, which waits for every connection: sockets are told, then cut after a second. */
  async beforeApplicationShutdown(): Promise<void> {
    const closing = [...this.open].map(
      ({ ws }) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(1001, 'the server is shutting down');
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, CLOSE_GRACE_MS).unref();
        }),
    );
    await Promise.all(closing);
    this.server.close();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const locale = pickLocale(request.headers['accept-language']);
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const name = EVENTS_PATH.exec(url.pathname)?.[1];
      if (!name) throw new DomainError('NOT_FOUND');
      const principal = (await this.authenticator.authenticate(request.headers.authorization, { required: true }))!;
      if (principal.kind === 'api_key' && !principal.scopes.has('read')) throw new DomainError('INSUFFICIENT_SCOPE');
      const named = await this.queries.find(principal, decodeURIComponent(name));
      const { timing, initialRecordTime } = socketTiming(url.searchParams);
      const format = parseEpcFormat(request.headers['gs1-epc-format']);
      const held = [...this.open].filter((s) => s.subscriber.kind === principal.kind && s.subscriber.id === principal.id).length;
      if (held >= SOCKETS_PER_SUBSCRIBER) throw new DomainError('RATE_LIMITED', undefined, undefined, 60);
      this.server.handleUpgrade(request, socket, head, (ws) =>
        this.opened({
          ws,
          subscriber: { kind: principal.kind, id: principal.id },
          queryId: named.id,
          query: named.query,
          format,
          timing,
          recordedFrom: initialRecordTime ?? new Date(),
          position: { txid: '0', eventId: NO_EVENT },
          running: null,
          again: false,
          timer: null,
          held: 0,
        }),
      );
    } catch (error) {
      this.refuse(socket, error, locale);
    }
  }

  private opened(subscription: SocketSubscription): void {
    this.open.add(subscription);
    const { ws } = subscription;
    ws.on('close', () => {
      this.open.delete(subscription);
      if (subscription.timer) clearTimeout(subscription.timer);
    });
    ws.on('error', () => ws.terminate());
    // What was recorded since initialRecordTime goes out at once; then each new event, or each run.
    if (subscription.timing.stream) this.push(subscription, false);
    else this.scheduleNext(subscription);
  }

  /** Sends the new matching events, one run at a time per socket; a run asked for meanwhile follows. */
  private push(subscription: SocketSubscription, reportIfEmpty: boolean): void {
    if (subscription.running) {
      subscription.again = true;
      return;
    }
    subscription.running = this.send(subscription, reportIfEmpty)
      .catch((error: Error) => this.logger.warn(`a subscription socket could not be sent to: ${error.message}`))
      .finally(() => {
        subscription.running = null;
        if (subscription.again) {
          subscription.again = false;
          this.push(subscription, false);
        }
      });
  }

  private async send(subscription: SocketSubscription, reportIfEmpty: boolean): Promise<void> {
    const principal = await this.authenticator.standing(subscription.subscriber);
    if (!mayStillRead(principal)) return subscription.ws.close(1008, 'the credential no longer stands');
    for (let first = true; subscription.ws.readyState === WebSocket.OPEN; first = false) {
      // Asked before the events, so the window ends where every earlier transaction is final.
      const { horizon, held } = await this.epcis.recordingHorizon(this.db.manager);
      const window = { after: subscription.position, horizon, recordedFrom: subscription.recordedFrom };
      const { events, position, more } = await nextDocument(
        this.epcis,
        this.db.manager,
        principal,
        subscription.query,
        window,
        subscription.format,
      );
      if (events.length || (reportIfEmpty && first)) subscription.ws.send(JSON.stringify(queryDocument(events)));
      subscription.position = position;
      if (!more) return this.lookAgainIfHeld(subscription, held);
    }
  }

  private lookAgainIfHeld(subscription: SocketSubscription, held: boolean): void {
    if (!held || !subscription.timing.stream || subscription.held >= HELD_RETRIES || subscription.timer) return;
    subscription.held++;
    subscription.timer = setTimeout(() => {
      subscription.timer = null;
      this.push(subscription, false);
    }, HELD_RETRY_MS).unref();
  }

  private scheduleNext(subscription: SocketSubscription): void {
    if (subscription.timing.stream) return;
    const { schedule, reportIfEmpty } = subscription.timing;
    const at = nextRun(schedule, new Date());
    if (!at) return subscription.ws.close(1000, 'the schedule has no run left');
    const wait = at.getTime() - Date.now();
    subscription.timer = setTimeout(
      () => {
        if (wait <= LONGEST_TIMER_MS) this.push(subscription, reportIfEmpty);
        this.scheduleNext(subscription);
      },
      Math.min(wait, LONGEST_TIMER_MS),
    );
  }

  private closeQueries(queryIds: Set<string>): void {
    for (const subscription of this.open) {
      if (queryIds.has(subscription.queryId)) subscription.ws.close(QUERY_DELETED_CLOSE, 'the named query was deleted');
    }
  }

  /** After notices may have been missed: closes the sockets of queries deleted meanwhile. */
  private async closeDeletedQueries(): Promise<void> {
    const held = [...new Set([...this.open].map((s) => s.queryId))];
    if (!held.length) return;
    const standing = new Set(await this.queries.existing(held));
    this.closeQueries(new Set(held.filter((id) => !standing.has(id))));
  }

  /** Refuses the handshake in the interface's problem shape, in the client's language. */
  private refuse(socket: Duplex, error: unknown, locale: ReturnType<typeof pickLocale>): void {
    if (!(error instanceof DomainError)) this.logger.error('a WebSocket handshake failed', (error as Error)?.stack ?? String(error));
    const refusal = error instanceof DomainError ? error : new DomainError('INTERNAL');
    const { status, message } = ERROR_CODES[refusal.code];
    const body = JSON.stringify({
      type: epcisProblemType(status, 'GET'),
      title: localize(message, locale),
      status,
      statusCode: status,
      code: refusal.code,
      message: localize(refusal.detail ?? message, locale),
      ...(refusal.fieldErrors ? { fieldErrors: translateFieldErrors(refusal.fieldErrors, locale) } : {}),
    });
    const retry = refusal.retryAfterSeconds === undefined ? '' : `retry-after: ${refusal.retryAfterSeconds}\r\n`;
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n${retry}connection: close\r\n\r\n${body}`,
    );
  }
}
