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
        // The count is in the name already; hidden from assistive technology, the badge cannot
        // make the name differ from the text on screen (WCAG 2.5.3), nor leave a stray "0".
        unread > 0 ? (
          <Badge badgeContent={unread} color="error" max={99} aria-hidden>
            <ForumOutlined />
          </Badge>
        ) : (
          <ForumOutlined />
        )
      }
    />
  );
};
