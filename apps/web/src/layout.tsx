import { NotificationBell, PreferencesMenuItem, ReportsMenuItem } from '@mend/web-account';
import { SafetyCheckAppBarButton } from '@mend/web-client';
import { InactivityGuard } from '@mend/web-ui';
import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  UserMenu,
  useGetIdentity,
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

/**
 * From `sm` up the stock button shows the person's name but is called "Profile" to assistive
 * technology; a name that contains the visible text is what voice control users say (WCAG
 * 2.5.3). On a phone it is an icon, and the stock "Profile" (translated) stays.
 */
const MendUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const showsName = useMediaQuery<Theme>((theme) => theme.breakpoints.up('sm'));
  const label =
    showsName && identity?.fullName
      ? translate('mend.user_menu.label', { name: identity.fullName })
      : undefined;
  return (
    <UserMenu label={label}>
      <PreferencesMenuItem />
      <ReportsMenuItem />
      <Logout />
    </UserMenu>
  );
};

const MendAppBar = () => <AppBar toolbar={<MendToolbar />} userMenu={<MendUserMenu />} />;

export const MendLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={MendMenu} appBar={MendAppBar}>
    {children}
    <InactivityGuard />
  </Layout>
);
