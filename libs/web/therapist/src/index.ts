import { lazyExport } from '@mend/web-ui';

import { therapistMessagesEn } from './i18n/therapist-messages.en';
import { therapistMessagesEs } from './i18n/therapist-messages.es';

// Every screen loads on first visit: partners never download them, therapists only what they open.
const CaseloadPage = lazyExport(() => import('./caseload/caseload-page'), 'CaseloadPage');
const CoupleShow = lazyExport(() => import('./couples/couple-show'), 'CoupleShow');
const CoupleCreate = lazyExport(() => import('./couples/couple-create'), 'CoupleCreate');
const ExerciseList = lazyExport(() => import('./exercises/exercise-list'), 'ExerciseList');
const ExerciseShow = lazyExport(() => import('./exercises/exercise-show'), 'ExerciseShow');
const ExerciseEdit = lazyExport(() => import('./exercises/exercise-builder'), 'ExerciseEdit');
const ExerciseCreate = lazyExport(() => import('./exercises/exercise-builder'), 'ExerciseCreate');

export const TherapistDashboard = lazyExport(
  () => import('./caseload/therapist-dashboard'),
  'TherapistDashboard',
);

/** The couples resource: the caseload is its list, the couple page its show view. */
export const couples = { list: CaseloadPage, show: CoupleShow, create: CoupleCreate };

/** The exercise library: search, client preview, copy, and the builder for the clinic's own. */
export const exercises = {
  list: ExerciseList,
  show: ExerciseShow,
  edit: ExerciseEdit,
  create: ExerciseCreate,
};

export const therapistMessages = { en: therapistMessagesEn, es: therapistMessagesEs };
