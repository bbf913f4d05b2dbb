import { CaseloadPage } from './caseload/caseload-page';
import { CoupleCreate } from './couples/couple-create';
import { CoupleShow } from './couples/couple-show';
import { ExerciseCreate, ExerciseEdit } from './exercises/exercise-builder';
import { ExerciseList } from './exercises/exercise-list';
import { ExerciseShow } from './exercises/exercise-show';
import { therapistMessagesEn } from './i18n/therapist-messages.en';
import { therapistMessagesEs } from './i18n/therapist-messages.es';

export { TherapistDashboard } from './caseload/therapist-dashboard';
export { AssignDialog, type AssignDialogProps } from './assign/assign-dialog';

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
