import { Module } from '@nestjs/common';
import { IdentityModule } from '@mend/server-identity';
import { CouplesController } from './couples/couples.controller';
import { CouplesService } from './couples/couples.service';
import { PartnerInvitationsController } from './partners/partner-invitations.controller';
import { PartnerInvitationsService } from './partners/partner-invitations.service';
import { PromisesController } from './promises/promises.controller';
import { PromisesService } from './promises/promises.service';
import { SafetyChecksController } from './safety/safety-checks.controller';
import { SafetyChecksService } from './safety/safety-checks.service';

/** Couples and their partners, the promise ledger and private safety checks. */
@Module({
  // For UserTokensService and AccountEmailsService (partner invitations).
  imports: [IdentityModule],
  controllers: [
    CouplesController,
    PartnerInvitationsController,
    PromisesController,
    SafetyChecksController,
  ],
  providers: [CouplesService, PartnerInvitationsService, PromisesService, SafetyChecksService],
})
export class CouplesModule {}
