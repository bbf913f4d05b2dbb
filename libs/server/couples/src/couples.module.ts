import { Module } from '@nestjs/common';
import { IdentityModule } from '@mend/server-identity';
import { CouplesController } from './couples/couples.controller';
import { CouplesService } from './couples/couples.service';
import { PromisesController } from './promises/promises.controller';
import { PromisesService } from './promises/promises.service';
import { SafetyChecksController } from './safety/safety-checks.controller';
import { SafetyChecksService } from './safety/safety-checks.service';

/** Couples and their partners, the promise ledger and private safety checks. */
@Module({
  // For UserTokensService and AccountEmailsService (partner invitations).
  imports: [IdentityModule],
  controllers: [CouplesController, PromisesController, SafetyChecksController],
  providers: [CouplesService, PromisesService, SafetyChecksService],
})
export class CouplesModule {}
