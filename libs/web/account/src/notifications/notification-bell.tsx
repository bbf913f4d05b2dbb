import NotificationsNoneOutlined from '@mui/icons-material/NotificationsNoneOutlined';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LinkBase, useTranslate } from 'react-admin';

import { useUnreadCount } from './notification-queries';

/**
 * The app bar's bell, for every role: the unread count as a badge, in its name for screen
 * readers too, and one tap into the feed.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const { data: unread = 0 } = useUnreadCount();
  const label =
    unread > 0
      ? translate('mend.account.bell.label', { smart_count: unread })
      : translate('mend.account.bell.none_unread');
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        component={LinkBase}
        to={WEB_PATHS.notifications}
        aria-label={label}
      >
        {/* No badge at all when nothing is unread: a hidden badge still holds its last count,
            which would be text on the link that its spoken name does not contain. */}
        {unread > 0 ? (
          <Badge badgeContent={unread} color="error" max={99} overlap="circular">
            <NotificationsOutlined />
          </Badge>
        ) : (
          <NotificationsNoneOutlined />
        )}
      </IconButton>
    </Tooltip>
  );
};
