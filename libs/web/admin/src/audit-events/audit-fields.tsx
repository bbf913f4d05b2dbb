import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';

import type { AuditEventRecord } from '../records';

/** The action's family in words, with the exact action name underneath for searching. */
export const ActionField = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const family = record.action.split('.')[0] ?? '';
  return (
    <Box>
      <Typography variant="body2">
        {translate(`mend.audit.family.${family}`, { _: family })}
      </Typography>
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: '0.8rem' }}
      >
        {record.action}
      </Typography>
    </Box>
  );
};

export const ActorField = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  return <>{record.actorName ?? translate('mend.audit.system_actor')}</>;
};

/** People are shown by email (their id means nothing to a reader); other records by type and id. */
export const AuditRecordField = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  if (!record?.recordType) return null;
  const type = translate(`mend.audit.record_type.${record.recordType}`, { _: record.recordType });
  if (record.recordType === 'user' && record.recordId) {
    return (
      <Box>
        <Typography variant="body2" color="text.secondary">
          {type}
        </Typography>
        <ReferenceField source="recordId" reference="users" link={false} emptyText="—">
          <TextField source="email" variant="body2" />
        </ReferenceField>
      </Box>
    );
  }
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {type}
      </Typography>
      {record.recordId && (
        <Typography
          variant="body2"
          sx={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: '0.8rem' }}
        >
          {record.recordId.slice(0, 8)}
        </Typography>
      )}
    </Box>
  );
};

function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

/** The event's free-form detail as a list of labelled values, nested values as indented JSON. */
export const DetailField = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  const entries = Object.entries(record?.detail ?? {});
  if (entries.length === 0) {
    return <Typography color="text.secondary">{translate('mend.audit.no_detail')}</Typography>;
  }
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(8rem, max-content) 1fr' },
        columnGap: 3,
        rowGap: 1,
      }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {key}
          </Typography>
          <Box
            component="dd"
            sx={{
              m: 0,
              fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace',
              fontSize: '0.85rem',
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
            }}
          >
            {readable(value)}
          </Box>
        </Box>
      ))}
    </Box>
  );
};
