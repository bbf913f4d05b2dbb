import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem, { type MenuItemProps } from '@mui/material/MenuItem';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LinkBase, useTranslate, useUserMenu } from 'react-admin';

/** "Reports" in the user menu, for every role (a partner's own data is there too). */
export const ReportsMenuItem = (props: MenuItemProps<typeof LinkBase>) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      {...props}
      component={LinkBase}
      to={WEB_PATHS.reports}
      onClick={() => userMenu?.onClose()}
    >
      <ListItemIcon>
        <AssessmentOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('mend.account.menu.reports')}</ListItemText>
    </MenuItem>
  );
};
