import ForumOutlined from '@mui/icons-material/ForumOutlined';
import Badge from '@mui/material/Badge';
import { WEB_PATHS } from '@mend/shared-contracts';
import { Menu, useTranslate } from 'react-admin';

import { useUnreadMessages } from './messages-queries';

/** "Messages" in the menu, with the number of unread messages on its icon and in its name. */
export const MessagesMenuItem = () => {
  const translate = useTranslate();
  const { data: unread = 0 } = useUnreadMessages();
  const label = translate('mend.messages.title');
  return (
    <Menu.Item
      to={WEB_PATHS.messages}
      primaryText={label}
      aria-label={
        unread > 0
          ? `${label}, ${translate('mend.messages.unread', { smart_count: unread })}`
          : label
      }
      leftIcon={
        <Badge badgeContent={unread} invisible={unread === 0} color="error" max={99}>
          <ForumOutlined />
        </Badge>
      }
    />
  );
};
