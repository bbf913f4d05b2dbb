import { SetMetadata } from '@nestjs/common';
import type { JobName } from '@mend/shared-contracts';

export const HANDLES_JOB = Symbol('HANDLES_JOB');

/**
 * Marks a provider method as the handler of one registered job. The worker finds handlers by
 * this mark and refuses to start unless every registered job has exactly one.
 */
export const HandlesJob = (name: JobName): MethodDecorator => SetMetadata(HANDLES_JOB, name);
