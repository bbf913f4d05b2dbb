import FavoriteBorderOutlined from '@mui/icons-material/FavoriteBorderOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  NotificationsPage,
  PreferencesPage,
  ResetPasswordPage,
  accountMessagesEn,
  accountMessagesEs,
} from '@mend/web-account';
import { ClinicSettingsPage, auditEvents, users } from '@mend/web-admin';
import { authProvider } from '@mend/web-auth';
import {
  CLIENT_PATHS,
  ExercisePage,
  HistoryPage,
  PromisesPage,
  TodayPage,
  clientMessagesEn,
  clientMessagesEs,
} from '@mend/web-client';
import { createI18nProvider } from '@mend/web-i18n';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LoginPage, mendTheme } from '@mend/web-ui';
import { TherapistDashboard, couples, exercises, therapistMessages } from '@mend/web-therapist';
import { Admin, CustomRoutes, Resource, reactRouterProvider, usePermissions } from 'react-admin';

import { dataProvider } from './data-provider';
import { MendLayout } from './layout';
import { CLINIC_SETTINGS_PATH } from './routes';

const { Route } = reactRouterProvider;
const i18nProvider = createI18nProvider([
  therapistMessages,
  { en: clientMessagesEn, es: clientMessagesEs },
  { en: accountMessagesEn, es: accountMessagesEs },
]);

/** Partners land on Today; therapists on their caseload; admins on the dashboard. */
const Home = () => {
  const { permissions, isPending } = usePermissions<unknown>();
  if (isPending) return null;
  return permissions === 'client' ? <TodayPage /> : <TherapistDashboard />;
};

/**
 * Every screen of the app, wired in one place: each area's library exports its resource views
 * ({ list, show, edit, create }) or pages, and this file only says where they live.
 */
export const App = () => (
  <Admin
    title="Mend"
    disableTelemetry
    requireAuth
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    theme={mendTheme}
    layout={MendLayout}
    loginPage={LoginPage}
    dashboard={Home}
  >
    {/* Signed-out pages reached from emails and the login page; requireAuth does not cover them. */}
    <CustomRoutes noLayout>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={CLINIC_SETTINGS_PATH} element={<ClinicSettingsPage />} />
      <Route path={CLIENT_PATHS.exercise} element={<ExercisePage />} />
      <Route path={CLIENT_PATHS.history} element={<HistoryPage />} />
      <Route path={CLIENT_PATHS.promises} element={<PromisesPage />} />
      <Route path={WEB_PATHS.notifications} element={<NotificationsPage />} />
      <Route path={WEB_PATHS.preferences} element={<PreferencesPage />} />
    </CustomRoutes>

    <Resource name="users" {...users} icon={GroupOutlined} />
    <Resource name="audit-events" {...auditEvents} icon={HistoryOutlined} />
    <Resource name="couples" {...couples} icon={FavoriteBorderOutlined} />
    <Resource name="exercises" {...exercises} icon={MenuBookOutlined} />
  </Admin>
);
