import {
  DateField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import type { AuditEventRecord } from '../records';
import { ActionField, ActorField, AuditRecordField, DetailField } from './audit-fields';

const AuditEventTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  return <>{translate('mend.audit.show_title', { action: record?.action ?? '' })}</>;
};

export const AuditEventShow = () => (
  <Show title={<AuditEventTitle />} actions={false}>
    <SimpleShowLayout>
      <DateField source="occurredAt" showTime />
      <Labeled source="actorName">
        <ActorField />
      </Labeled>
      <Labeled source="action">
        <ActionField />
      </Labeled>
      <Labeled source="recordType">
        <AuditRecordField />
      </Labeled>
      <TextField source="recordId" emptyText="—" />
      <TextField source="requestId" emptyText="—" />
      <TextField source="ip" emptyText="—" />
      <Labeled source="detail">
        <DetailField />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
