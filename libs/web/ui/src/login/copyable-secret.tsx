import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { copyText } from '../copy-text';

/** Groups of four are how authenticator apps show secrets, and far easier to type by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export const CopyableSecret = ({ secret }: { secret: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="body2" color="text.secondary" id="mfa-secret-label">
        {translate('mend.mfa.enrol.secret_label')}
      </Typography>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          mt: 0.5,
          p: 1.5,
          bgcolor: 'background.default',
          border: 1,
          borderColor: 'divider',
          borderRadius: 2,
        }}
      >
        <Box
          component="code"
          aria-labelledby="mfa-secret-label"
          data-testid="mfa-secret"
          data-secret={secret}
          sx={{
            flex: 1,
            fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
            fontSize: '0.95rem',
            // Wrap between the groups of four, never inside one.
            wordSpacing: '0.1em',
            overflowWrap: 'anywhere',
            userSelect: 'all',
          }}
        >
          {grouped(secret)}
        </Box>
        <Button
          size="small"
          variant="outlined"
          startIcon={<ContentCopyOutlined />}
          onClick={() => {
            void copyText(secret).then(setCopied);
          }}
        >
          {translate(copied ? 'mend.common.copied' : 'mend.common.copy')}
        </Button>
      </Box>
    </Box>
  );
};
