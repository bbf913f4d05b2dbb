import { Module } from '@nestjs/common';
import { MeasureAdministrationsController } from './administrations/measure-administrations.controller';
import { MeasureAdministrationsService } from './administrations/measure-administrations.service';
import { MeasureDefinitionsController } from './definitions/measure-definitions.controller';
import { MeasureDefinitionsService } from './definitions/measure-definitions.service';
import { MeasureSchedulesController } from './schedules/measure-schedules.controller';
import { MeasureSchedulesService } from './schedules/measure-schedules.service';
import { MeasureSettingsController } from './settings/measure-settings.controller';
import { MeasureSettingsService } from './settings/measure-settings.service';
import { CoupleMeasuresController } from './summary/couple-measures.controller';
import { CoupleMeasuresService } from './summary/couple-measures.service';

/** Outcome measures: definitions and licences, schedules, answers, reliable change, the gap. */
@Module({
  controllers: [
    MeasureDefinitionsController,
    MeasureSettingsController,
    MeasureSchedulesController,
    MeasureAdministrationsController,
    CoupleMeasuresController,
  ],
  providers: [
    MeasureDefinitionsService,
    MeasureSettingsService,
    MeasureSchedulesService,
    MeasureAdministrationsService,
    CoupleMeasuresService,
  ],
})
export class MeasuresModule {}
