import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { COUPLE_STATUSES } from '@mend/shared-contracts';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import type { ClinicCoupleRecord } from '../records';
import { ReassignTherapistsButton } from './reassign-therapists-button';

const STATUS_CHOICES = COUPLE_STATUSES.map((status) => ({
  id: status,
  name: `mend.couples.status.${status}`,
}));

/** react-admin does not translate a SearchInput's placeholder, so this one does. */
const LabelSearch = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const text = translate('mend.couples.search');
  return (
    <SearchInput
      source={source}
      placeholder={text}
      slotProps={{ htmlInput: { 'aria-label': text } }}
    />
  );
};

const filters = [
  <LabelSearch key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={STATUS_CHOICES}
    label="resources.couples.fields.status"
  />,
  <ReferenceInput
    key="therapistId"
    source="therapistId"
    reference="users"
    filter={{ role: 'therapist' }}
    sort={{ field: 'displayName', order: 'ASC' }}
  >
    <AutocompleteInput
      optionText="displayName"
      label="mend.couples.therapist_filter"
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>,
];

const StatusChip = () => {
  const translate = useTranslate();
  const couple = useRecordContext<ClinicCoupleRecord>();
  if (!couple) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={couple.status === 'active' ? 'success' : 'default'}
      label={translate(`mend.couples.status.${couple.status}`)}
    />
  );
};

const Names = ({ of }: { of: 'partners' | 'therapists' }) => {
  const translate = useTranslate();
  const couple = useRecordContext<ClinicCoupleRecord>();
  if (!couple) return null;
  const names = couple[of].map(({ displayName }) => displayName);
  if (names.length === 0) {
    return <Typography variant="body2">{translate('mend.couples.nobody')}</Typography>;
  }
  return (
    <Stack spacing={0.25}>
      {names.map((name) => (
        <Typography key={name} variant="body2">
          {name}
        </Typography>
      ))}
    </Stack>
  );
};

/**
 * Every couple of the clinic with the therapists who treat them, for the admin who balances
 * caseloads. Admins see who, not what: answers and progress stay on the therapists' pages.
 */
export const ClinicCoupleList = () => (
  <List
    resource="couples"
    filters={filters}
    sort={{ field: 'label', order: 'ASC' }}
    exporter={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="label" />
      <DataTable.Col source="status" field={StatusChip} />
      <DataTable.Col source="partners" disableSort>
        <Names of="partners" />
      </DataTable.Col>
      <DataTable.Col source="therapists" disableSort>
        <Names of="therapists" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col label="mend.users.actions" disableSort align="right">
        <ReassignTherapistsButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
