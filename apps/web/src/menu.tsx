import TuneOutlined from '@mui/icons-material/TuneOutlined';
import { ClientMenuItems } from '@mend/web-client';
import { MessagesMenuItem } from '@mend/web-messages';
import { Menu, useCanAccess, usePermissions, useTranslate } from 'react-admin';

import { CLINIC_SETTINGS_PATH } from './routes';

const ClinicSettingsItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'clinic', action: 'edit' });
  return canAccess ? (
    <Menu.Item
      to={CLINIC_SETTINGS_PATH}
      primaryText={translate('mend.menu.clinic')}
      leftIcon={<TuneOutlined />}
    />
  ) : null;
};

/**
 * What the signed-in role can use. Resource items hide themselves when `canAccess` says no; the
 * clinic page is a custom route, so it asks the same question itself.
 */
export const MendMenu = () => {
  const { permissions } = usePermissions<unknown>();
  if (permissions === 'client') {
    return (
      <Menu>
        <ClientMenuItems />
      </Menu>
    );
  }
  return (
    <Menu>
      <Menu.DashboardItem />
      {/* Admins are not in couples' threads; therapists read theirs in the inbox. */}
      {permissions === 'therapist' && <MessagesMenuItem />}
      <Menu.ResourceItem name="users" />
      <ClinicSettingsItem />
      <Menu.ResourceItem name="audit-events" />
      <Menu.ResourceItem name="couples" />
      <Menu.ResourceItem name="exercises" />
    </Menu>
  );
};
