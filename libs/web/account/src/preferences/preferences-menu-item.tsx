import TuneOutlined from '@mui/icons-material/TuneOutlined';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem, { type MenuItemProps } from '@mui/material/MenuItem';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LinkBase, useTranslate, useUserMenu } from 'react-admin';

/**
 * "Preferences" in the user menu, for every role. The menu's props (and ref, which React 19
 * passes as a prop) keep Material UI's keyboard navigation working.
 */
export const PreferencesMenuItem = (props: MenuItemProps<typeof LinkBase>) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      {...props}
      component={LinkBase}
      to={WEB_PATHS.preferences}
      onClick={() => userMenu?.onClose()}
    >
      <ListItemIcon>
        <TuneOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('mend.account.menu.preferences')}</ListItemText>
    </MenuItem>
  );
};
