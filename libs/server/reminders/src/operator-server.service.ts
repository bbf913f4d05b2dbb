import { timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Gauge } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { QUEUE_NAMES } from '@mend/shared-contracts';
import { ReminderMetrics } from './reminder-metrics';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The worker's operator port (WORKER_HEALTH_PORT; 0 turns it off), on WORKER_HEALTH_HOST
 * (loopback unless an operator opens it):
 * - `/metrics`: Prometheus text — queue depth by state, queue lag (age of the oldest waiting
 *   job), failures, deliveries by status and the oldest unsent due delivery, send lag. Behind
 *   the operator credentials or METRICS_TOKEN (a bearer token that opens nothing else); absent
 *   when neither is set, since the figures say how busy each part of the service is.
 * - `/queues`: the BullMQ dashboard for platform operators, behind HTTP basic auth with
 *   OPERATOR_USER / OPERATOR_PASSWORD (absent when either is unset). It is a separate port and
 *   credential from the API: a clinic's bearer token means nothing here.
 */
@Injectable()
export class OperatorServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OperatorServer.name);
  private server: Server | undefined;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly db: TenantDb,
    private readonly metrics: ReminderMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.registerGauges();
  }

  /** The port actually listened on (useful when configured as an ephemeral one in tests). */
  get port(): number | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address?.port;
  }

  /** The interface actually listened on. */
  get address(): string | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address?.address;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_HEALTH_PORT === 0) return;
    const app = express();
    app.disable('x-powered-by');
    const { OPERATOR_USER: user, OPERATOR_PASSWORD: password, METRICS_TOKEN: token } = this.config;
    const operator = user && password ? { user, password } : undefined;
    const metricsOpen = operator !== undefined || token !== undefined;
    if (metricsOpen) {
      app.get('/metrics', operatorAuth(operator, token), (_request, response, next) => {
        this.metrics.registry
          .metrics()
          .then((text) => {
            response.setHeader('Content-Type', this.metrics.registry.contentType);
            response.send(text);
          })
          .catch(next);
      });
    }
    if (operator) {
      const board = new ExpressAdapter();
      board.setBasePath('/queues');
      createBullBoard({
        queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.queues.queue(name))),
        serverAdapter: board,
      });
      app.use('/queues', operatorAuth(operator), board.getRouter() as express.Router);
    }
    this.server = app.listen(this.config.WORKER_HEALTH_PORT, this.config.WORKER_HEALTH_HOST);
    await once(this.server, 'listening');
    const served = [metricsOpen ? '/metrics' : '', operator ? '/queues' : ''].filter(Boolean);
    this.logger.log(
      `operator port ${this.config.WORKER_HEALTH_HOST}:${this.port}: ${served.join(', ') || 'nothing (no operator credentials or metrics token)'}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private registerGauges(): void {
    const { registry } = this.metrics;
    const queues = this.queues;
    new Gauge({
      name: 'mend_queue_jobs',
      help: 'Jobs in each queue by state (waiting = depth; failed = given up after retries).',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        for (const name of QUEUE_NAMES) {
          const counts = await queues.queue(name).getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'mend_queue_lag_seconds',
      help: 'Age of the oldest job waiting in each queue (0 when none waits).',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        for (const name of QUEUE_NAMES) {
          const [oldest] = await queues.queue(name).getJobs(['wait'], 0, 0, true);
          this.set(
            { queue: name },
            oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0,
          );
        }
      },
    });
    const db = this.db;
    const deliveries = new Gauge({
      name: 'mend_reminder_deliveries',
      help: 'Delivery rows by status across all clinics (failed ones need an operator).',
      labelNames: ['status'] as const,
      registers: [registry],
    });
    new Gauge({
      name: 'mend_reminder_oldest_unsent_due_seconds',
      help: 'How long the oldest due, unsent delivery has been due (0 when none).',
      registers: [registry],
      async collect() {
        const rows = await db.query<
          Array<{ status: string; deliveries: string; oldest_due_at: Date | null }>
        >(`SELECT * FROM delivery_figures(now())`, []);
        deliveries.reset();
        let oldest: number | null = null;
        for (const row of rows) {
          deliveries.set({ status: row.status }, Number(row.deliveries));
          if ((row.status === 'planned' || row.status === 'sending') && row.oldest_due_at) {
            const due = new Date(row.oldest_due_at).getTime();
            oldest = oldest === null ? due : Math.min(oldest, due);
          }
        }
        this.set(oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000));
      },
    });
  }
}

/**
 * HTTP basic auth with the operator's credentials, or (where given) a bearer token; anything
 * else gets a 401 and the realm. A clinic's access token is not either.
 */
export function operatorAuth(
  operator: { user: string; password: string } | undefined,
  bearerToken?: string,
) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const header = request.headers.authorization ?? '';
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    const decoded = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const basicOk =
      operator !== undefined &&
      colon > 0 &&
      sameSecret(decoded.slice(0, colon), operator.user) &&
      sameSecret(decoded.slice(colon + 1), operator.password);
    const bearer = /^Bearer (\S+)$/.exec(header)?.[1];
    const bearerOk =
      bearerToken !== undefined && bearer !== undefined && sameSecret(bearer, bearerToken);
    if (basicOk || bearerOk) {
      next();
      return;
    }
    response.setHeader('WWW-Authenticate', 'Basic realm="mend-operators", charset="UTF-8"');
    response.status(401).send('Operator credentials required');
  };
}
