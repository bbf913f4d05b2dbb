import { Module } from '@nestjs/common';
import { ExercisesController } from './exercises/exercises.controller';
import { ExercisesService } from './exercises/exercises.service';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsService } from './programs/programs.service';

/** The clinic's exercise library (Mend's read-only exercises and the clinic's own) and programs. */
@Module({
  controllers: [ExercisesController, ProgramsController],
  providers: [ExercisesService, ProgramsService],
  exports: [ExercisesService, ProgramsService],
})
export class ExercisesModule {}
