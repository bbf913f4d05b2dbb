import { Module } from '@nestjs/common';
import { HeartbeatJob } from './heartbeat.job';
import { HeartbeatScheduler } from './heartbeat.scheduler';

/** Worker side of the heartbeat: the scheduler and its handler. */
@Module({ providers: [HeartbeatJob, HeartbeatScheduler], exports: [HeartbeatJob] })
export class HeartbeatModule {}
