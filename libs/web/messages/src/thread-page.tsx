import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { WEB_PATHS } from '@mend/shared-contracts';
import { LinkBase, Title, useParams, usePermissions, useTranslate } from 'react-admin';

import { useThread } from './messages-queries';
import { ThreadView } from './thread-view';
import { threadTitle } from './thread-title';

const KEY = 'mend.messages';

/** One thread on its own page: where the inbox, the partner's list and the emails lead. */
export const ThreadPage = () => {
  const translate = useTranslate();
  const { threadId = '' } = useParams<{ threadId: string }>();
  const { permissions } = usePermissions<unknown>();
  const staff = permissions !== 'client';
  const thread = useThread(threadId);
  return (
    <Box component="section" sx={{ mt: 2, maxWidth: 720 }}>
      <Button
        component={LinkBase}
        to={WEB_PATHS.messages}
        startIcon={<ArrowBackOutlined />}
        size="small"
        sx={{ mb: 1 }}
      >
        {translate(`${KEY}.back`)}
      </Button>
      {thread.isPending ? (
        <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
          <CircularProgress size={24} aria-label={translate(`${KEY}.loading`)} />
        </Box>
      ) : thread.isError ? (
        <Alert severity="info">{translate(`${KEY}.not_found`)}</Alert>
      ) : (
        <>
          <Title title={threadTitle(thread.data, staff, translate)} />
          <Typography component="h1" variant="h5">
            {threadTitle(thread.data, staff, translate)}
          </Typography>
          {staff && (
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {thread.data.coupleLabel}
            </Typography>
          )}
          <Card sx={{ mt: 1 }}>
            <CardContent>
              <ThreadView thread={thread.data} staff={staff} />
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
