import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';

import { ACTION_FAMILY_CHOICES, RECORD_TYPE_CHOICES } from './choices';
import { ActionField, ActorField, AuditRecordField } from './audit-fields';
import { formatFromInstant, formatToInstant, parseFromDay, parseToDay } from './date-filter';

const filters = [
  <SelectInput
    key="action"
    source="action"
    label="mend.audit.filters.action"
    choices={ACTION_FAMILY_CHOICES}
    alwaysOn
  />,
  <ReferenceInput
    key="actor"
    source="actorUserId"
    reference="users"
    sort={{ field: 'displayName', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput
      label="mend.audit.filters.person"
      optionText="displayName"
      filterToQuery={(search: string) => (search.trim() === '' ? {} : { q: search.trim() })}
    />
  </ReferenceInput>,
  <SelectInput
    key="recordType"
    source="recordType"
    label="mend.audit.filters.record_type"
    choices={RECORD_TYPE_CHOICES}
  />,
  <DateInput
    key="from"
    source="from"
    label="mend.audit.filters.from"
    parse={parseFromDay}
    format={formatFromInstant}
  />,
  <DateInput
    key="to"
    source="to"
    label="mend.audit.filters.to"
    parse={parseToDay}
    format={formatToInstant}
  />,
];

const AuditActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const NothingRecorded = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 6, mx: 'auto', maxWidth: 420 }}>
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {translate('mend.audit.empty_heading')}
      </Typography>
      <Typography color="text.secondary">{translate('mend.audit.empty_body')}</Typography>
    </Box>
  );
};

export const AuditEventList = () => (
  <List
    title="mend.menu.audit"
    filters={filters}
    actions={<AuditActions />}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    exporter={false}
    empty={<NothingRecorded />}
    perPage={25}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="occurredAt">
        <DateField source="occurredAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="actorName" field={ActorField} disableSort />
      <DataTable.Col source="action" field={ActionField} />
      <DataTable.Col source="recordType" field={AuditRecordField} disableSort />
      <DataTable.Col source="ip" disableSort />
    </DataTable>
  </List>
);
