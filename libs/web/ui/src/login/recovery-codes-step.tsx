import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { StepHeading } from '../auth-shell';
import { copyText, downloadText } from '../copy-text';

interface RecoveryCodesStepProps {
  codes: string[];
  onContinue: () => void;
}

/** Shown once, right after enrolment: the server never returns these codes again. */
export const RecoveryCodesStep = ({ codes, onContinue }: RecoveryCodesStepProps) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const asText = `${translate('mend.mfa.codes.file_heading')}\n\n${codes.join('\n')}\n`;

  return (
    <Box component="section">
      <StepHeading>{translate('mend.mfa.codes.heading')}</StepHeading>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('mend.mfa.codes.intro')}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('mend.mfa.codes.once')}
      </Alert>
      <Box
        component="ul"
        aria-label={translate('mend.mfa.codes.list_label')}
        data-testid="recovery-codes"
        sx={{
          listStyle: 'none',
          m: 0,
          p: 2,
          display: 'grid',
          gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
          gap: 1,
          bgcolor: 'background.default',
          border: 1,
          borderColor: 'divider',
          borderRadius: 2,
          fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
          fontSize: '1rem',
          textAlign: 'center',
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<ContentCopyOutlined />}
          onClick={() => {
            void copyText(codes.join('\n')).then(setCopied);
          }}
        >
          {translate(copied ? 'mend.common.copied' : 'mend.common.copy')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadOutlined />}
          onClick={() => downloadText('mend-recovery-codes.txt', asText)}
        >
          {translate('mend.mfa.codes.download')}
        </Button>
      </Box>
      <Button variant="contained" size="large" fullWidth onClick={onContinue} sx={{ mt: 3 }}>
        {translate('mend.mfa.codes.continue')}
      </Button>
    </Box>
  );
};
