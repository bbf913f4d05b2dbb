import { NotificationBell, PreferencesMenuItem, ReportsMenuItem } from '@mend/web-account';
import { SafetyCheckAppBarButton } from '@mend/web-client';
import { InactivityGuard } from '@mend/web-ui';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  UserMenu,
  useTranslate,
} from 'react-admin';

import { MendMenu } from './menu';

/**
 * react-admin's stock toolbar, except that its loading spinner gets a name: an unnamed progress
 * bar is announced as nothing at all by screen readers (axe: aria-progressbar-name).
 */
const MendToolbar = () => {
  const translate = useTranslate();
  const spinnerName = { 'aria-label': translate('ra.page.loading') };
  return (
    <>
      <SafetyCheckAppBarButton />
      <NotificationBell />
      {/* On a phone the app bar has no room for it; Preferences keeps the language instead. */}
      <Box sx={{ display: { xs: 'none', sm: 'flex' } }}>
        <LocalesMenuButton />
      </Box>
      <LoadingIndicator {...spinnerName} />
    </>
  );
};

const MendUserMenu = () => (
  <UserMenu>
    <PreferencesMenuItem />
    <ReportsMenuItem />
    <Logout />
  </UserMenu>
);

const MendAppBar = () => <AppBar toolbar={<MendToolbar />} userMenu={<MendUserMenu />} />;

export const MendLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={MendMenu} appBar={MendAppBar}>
    {children}
    <InactivityGuard />
  </Layout>
);
