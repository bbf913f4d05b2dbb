import { Injectable } from '@nestjs/common';
import { HandlesJob } from '@mend/server-jobs';
import type { JobPayload } from '@mend/shared-contracts';
import { AccountLinksService } from './account-links.service';

/** The worker's side of password resets: the API only queues the request. */
@Injectable()
export class PasswordResetJobs {
  constructor(private readonly links: AccountLinksService) {}

  @HandlesJob('accounts.password-reset')
  async fanOut(payload: JobPayload<'accounts.password-reset'>): Promise<void> {
    await this.links.fanOutPasswordReset(payload);
  }

  @HandlesJob('accounts.password-reset-mail')
  async mail(payload: JobPayload<'accounts.password-reset-mail'>): Promise<void> {
    await this.links.mailPasswordReset(payload);
  }
}
