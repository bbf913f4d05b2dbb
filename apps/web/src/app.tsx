import { authProvider } from '@mend/web-auth';
import { createI18nProvider } from '@mend/web-i18n';
import { Dashboard, LoginPage, mendTheme } from '@mend/web-ui';
import { Admin, CustomRoutes } from 'react-admin';

import { dataProvider } from './data-provider';

const i18nProvider = createI18nProvider();

export const App = () => (
  <Admin
    title="Mend"
    disableTelemetry
    requireAuth
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    theme={mendTheme}
    loginPage={LoginPage}
    dashboard={Dashboard}
  >
    {/*
      react-admin 5 treats an Admin with a dashboard but no Resource or CustomRoutes child as
      "empty" and renders its placeholder screen instead of the dashboard. This empty block marks
      the app as configured; remove it once the first <Resource> is added here.
    */}
    <CustomRoutes>{null}</CustomRoutes>
  </Admin>
);
