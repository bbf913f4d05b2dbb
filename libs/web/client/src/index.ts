import { lazyExport } from '@mend/web-ui';

// Each page loads on first visit, so staff never download the partner's screens.
export const TodayPage = lazyExport(() => import('./today/today-page'), 'TodayPage');
export const ExercisePage = lazyExport(() => import('./exercise/exercise-page'), 'ExercisePage');
export const HistoryPage = lazyExport(() => import('./history/history-page'), 'HistoryPage');
export const CheckInPage = lazyExport(() => import('./check-ins/check-in-page'), 'CheckInPage');
export const PromisesPage = lazyExport(() => import('./promises/promises-page'), 'PromisesPage');

export { SafetyCheckAppBarButton, SafetyCheckDialog } from './safety/safety-check';
export { ClientMenuItems } from './client-menu';
export { CLIENT_PATHS } from './routes';
export { clientMessagesEn, type ClientMessages } from './i18n/client-messages.en';
export { clientMessagesEs } from './i18n/client-messages.es';
