import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A named spinner: screen readers announce what is loading, not just "progress bar". */
export const Loading = ({ label }: { label?: string }) => {
  const translate = useTranslate();
  const text = label ?? translate('therapist.common.loading');
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 2 }}>
      <CircularProgress size={20} aria-label={text} />
      <Typography color="text.secondary">{text}</Typography>
    </Box>
  );
};

export const ErrorState = ({ message, onRetry }: { message?: string; onRetry?: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {translate('therapist.common.retry')}
          </Button>
        ) : undefined
      }
    >
      {message ?? translate('therapist.common.load_failed')}
    </Alert>
  );
};

export const EmptyState = ({
  heading,
  body,
  action,
}: {
  heading: string;
  body?: string;
  action?: ReactNode;
}) => (
  <Box sx={{ textAlign: 'center', py: 4, px: 2, mx: 'auto', maxWidth: 460 }}>
    <Typography component="p" variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
      {heading}
    </Typography>
    {body && (
      <Typography color="text.secondary" sx={{ mb: action ? 2 : 0 }}>
        {body}
      </Typography>
    )}
    {action}
  </Box>
);
