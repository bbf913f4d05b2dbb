import FavoriteBorderOutlined from '@mui/icons-material/FavoriteBorderOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import WbSunnyOutlined from '@mui/icons-material/WbSunnyOutlined';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { MessagesMenuItem } from '@mend/web-messages';
import { Menu, useSidebarState, useTranslate } from 'react-admin';

import { CLIENT_PATHS } from './routes';
import { SafetyCheckDialog } from './safety/safety-check';

/** The partner's menu: Today, Messages, History, Promises, and the private safety check. */
export const ClientMenuItems = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [sidebarOpen] = useSidebarState();
  const safetyLabel = translate('mend.client.safety.open');
  return (
    <>
      <Menu.Item
        to={CLIENT_PATHS.today}
        primaryText={translate('mend.client.menu.today')}
        leftIcon={<WbSunnyOutlined />}
      />
      <MessagesMenuItem />
      <Menu.Item
        to={CLIENT_PATHS.history}
        primaryText={translate('mend.client.menu.history')}
        leftIcon={<HistoryOutlined />}
      />
      <Menu.Item
        to={CLIENT_PATHS.promises}
        primaryText={translate('mend.client.menu.promises')}
        leftIcon={<HandshakeOutlined />}
      />
      <MenuItem
        onClick={() => setOpen(true)}
        aria-label={safetyLabel}
        sx={{ color: 'text.secondary' }}
      >
        <ListItemIcon sx={{ minWidth: 40 }}>
          <FavoriteBorderOutlined />
        </ListItemIcon>
        {sidebarOpen && safetyLabel}
      </MenuItem>
      <SafetyCheckDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
