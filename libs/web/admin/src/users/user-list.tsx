import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  CreateButton,
  DataTable,
  DateField,
  EditButton,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';

import { ROLE_CHOICES, STATUS_CHOICES } from './choices';
import { ResendInvitationButton } from './resend-invitation-button';
import { RoleText, StatusChip } from './user-chips';

/** react-admin does not translate a SearchInput's placeholder, so this one does. */
const NameOrEmailSearch = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const text = translate('mend.users.search');
  return (
    <SearchInput
      source={source}
      placeholder={text}
      slotProps={{ htmlInput: { 'aria-label': text } }}
    />
  );
};

const filters = [
  <NameOrEmailSearch key="q" source="q" alwaysOn />,
  <SelectInput
    key="role"
    source="role"
    choices={ROLE_CHOICES}
    label="resources.users.fields.role"
  />,
  <SelectInput
    key="status"
    source="status"
    choices={STATUS_CHOICES}
    label="resources.users.fields.status"
  />,
];

const UserListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="mend.users.invite" icon={<PersonAddAlt1Outlined />} />
  </TopToolbar>
);

/** Shown when the clinic has nobody but the admin yet (never the case for a filtered list). */
const NoTeamYet = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 6, mx: 'auto', maxWidth: 420 }}>
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {translate('mend.users.empty_heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {translate('mend.users.empty_body')}
      </Typography>
      <CreateButton
        variant="contained"
        label="mend.users.invite"
        icon={<PersonAddAlt1Outlined />}
      />
    </Box>
  );
};

export const UserList = () => (
  <List
    title="mend.menu.team"
    filters={filters}
    actions={<UserListActions />}
    sort={{ field: 'displayName', order: 'ASC' }}
    exporter={false}
    empty={<NoTeamYet />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="displayName" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role" field={RoleText} />
      <DataTable.Col source="status" field={StatusChip} />
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col label="mend.users.actions" disableSort align="right">
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, whiteSpace: 'nowrap' }}>
          <ResendInvitationButton />
          <EditButton />
        </Box>
      </DataTable.Col>
    </DataTable>
  </List>
);
