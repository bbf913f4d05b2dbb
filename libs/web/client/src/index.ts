export { TodayPage } from './today/today-page';
export { ExercisePage } from './exercise/exercise-page';
export { HistoryPage } from './history/history-page';
export { PromisesPage } from './promises/promises-page';
export { SafetyCheckAppBarButton, SafetyCheckDialog } from './safety/safety-check';
export { ClientMenuItems } from './client-menu';
export { CLIENT_PATHS } from './routes';
export { clientMessagesEn, type ClientMessages } from './i18n/client-messages.en';
export { clientMessagesEs } from './i18n/client-messages.es';
