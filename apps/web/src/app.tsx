import FavoriteBorderOutlined from '@mui/icons-material/FavoriteBorderOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  NotificationsPage,
  PreferencesPage,
  ReportsPage,
  ResetPasswordPage,
  SignupPage,
  VerifyEmailPage,
  accountMessagesEn,
  accountMessagesEs,
} from '@mend/web-account';
import {
  ClinicDashboardPage,
  ClinicSettingsPage,
  auditEvents,
  clinicCouples,
  users,
} from '@mend/web-admin';
import { authProvider } from '@mend/web-auth';
import {
  CLIENT_PATHS,
  CheckInPage,
  ExercisePage,
  HistoryPage,
  PromisesPage,
  TodayPage,
  clientMessagesEn,
  clientMessagesEs,
} from '@mend/web-client';
import { createI18nProvider } from '@mend/web-i18n';
import {
  MessagesPage,
  ThreadPage,
  messagesMessagesEn,
  messagesMessagesEs,
} from '@mend/web-messages';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LoginPage, mendTheme } from '@mend/web-ui';
import { TherapistDashboard, couples, exercises, therapistMessages } from '@mend/web-therapist';
import { type ReactNode, Suspense } from 'react';
import {
  Admin,
  CustomRoutes,
  Loading,
  Resource,
  reactRouterProvider,
  usePermissions,
} from 'react-admin';

import { dataProvider } from './data-provider';
import { MendLayout } from './layout';
import { CLINIC_SETTINGS_PATH } from './routes';

const { Route } = reactRouterProvider;
const i18nProvider = createI18nProvider([
  therapistMessages,
  { en: clientMessagesEn, es: clientMessagesEs },
  { en: accountMessagesEn, es: accountMessagesEs },
  { en: messagesMessagesEn, es: messagesMessagesEs },
]);

// The signed-in role's home downloads alongside the app instead of after it has booted.
void authProvider.getPermissions?.({}).then(
  (role: unknown) =>
    (role === 'client'
      ? TodayPage
      : role === 'clinic_admin'
        ? ClinicDashboardPage
        : TherapistDashboard
    ).preload(),
  () => undefined,
);

/** Partners land on Today; therapists on their caseload; admins on the dashboard. */
const Home = () => {
  const { permissions, isPending } = usePermissions<unknown>();
  if (isPending) return null;
  if (permissions === 'clinic_admin') return <ClinicDashboardPage />;
  return permissions === 'client' ? <TodayPage /> : <TherapistDashboard />;
};

const SignedOut = ({ page }: { page: ReactNode }) => (
  <Suspense fallback={<Loading />}>{page}</Suspense>
);

/** Therapists work from their caseload; a clinic admin sees every couple to reassign them. */
const CoupleList = () => {
  const { permissions, isPending } = usePermissions<unknown>();
  if (isPending) return null;
  return permissions === 'clinic_admin' ? <clinicCouples.list /> : <couples.list />;
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
    {/* Signed-out pages reached from emails and the login page; requireAuth does not cover them.
        They load on demand, and outside the layout nothing else waits for them to arrive. */}
    <CustomRoutes noLayout>
      <Route path="/forgot-password" element={<SignedOut page={<ForgotPasswordPage />} />} />
      <Route path="/reset-password" element={<SignedOut page={<ResetPasswordPage />} />} />
      <Route path="/accept-invitation" element={<SignedOut page={<AcceptInvitationPage />} />} />
      <Route path="/signup" element={<SignedOut page={<SignupPage />} />} />
      <Route path="/verify-email" element={<SignedOut page={<VerifyEmailPage />} />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={CLINIC_SETTINGS_PATH} element={<ClinicSettingsPage />} />
      <Route path={CLIENT_PATHS.exercise} element={<ExercisePage />} />
      <Route path={CLIENT_PATHS.history} element={<HistoryPage />} />
      <Route path={CLIENT_PATHS.promises} element={<PromisesPage />} />
      <Route path={WEB_PATHS.messages} element={<MessagesPage />} />
      <Route path={WEB_PATHS.thread} element={<ThreadPage />} />
      <Route path={CLIENT_PATHS.checkIn} element={<CheckInPage />} />
      <Route path={WEB_PATHS.notifications} element={<NotificationsPage />} />
      <Route path={WEB_PATHS.preferences} element={<PreferencesPage />} />
      <Route path={WEB_PATHS.reports} element={<ReportsPage />} />
    </CustomRoutes>

    <Resource name="users" {...users} icon={GroupOutlined} />
    <Resource name="audit-events" {...auditEvents} icon={HistoryOutlined} />
    <Resource name="couples" {...couples} list={CoupleList} icon={FavoriteBorderOutlined} />
    <Resource name="exercises" {...exercises} icon={MenuBookOutlined} />
  </Admin>
);
