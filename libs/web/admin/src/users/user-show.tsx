import Typography from '@mui/material/Typography';
import {
  BooleanField,
  DataTable,
  DateField,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ReassignTherapistsButton } from '../couples/reassign-therapists-button';
import type { UserRecord } from '../records';
import { LOCALE_CHOICES } from './choices';
import { ResendInvitationButton } from './resend-invitation-button';
import { RoleText, StatusChip } from './user-chips';

const UserTitle = () => {
  const record = useRecordContext<UserRecord>();
  return <>{record?.displayName ?? ''}</>;
};

const ShowActions = () => (
  <TopToolbar>
    <ResendInvitationButton />
    <EditButton />
  </TopToolbar>
);

/**
 * A therapist's couples, with the reassign button at hand: before someone leaves the clinic,
 * their caseload moves to colleagues from here.
 */
const TherapistCouples = () => {
  const translate = useTranslate();
  const record = useRecordContext<UserRecord>();
  if (record?.role !== 'therapist') return null;
  return (
    <Labeled label="mend.users.couples" fullWidth>
      <ReferenceManyField
        reference="couples"
        target="therapistId"
        sort={{ field: 'label', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[]} />}
        empty={<Typography variant="body2">{translate('mend.users.no_couples')}</Typography>}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="label" />
          <DataTable.Col
            source="status"
            render={(couple: { status: string }) =>
              translate(`mend.couples.status.${couple.status}`)
            }
          />
          <DataTable.Col label="mend.users.actions" disableSort align="right">
            <ReassignTherapistsButton />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
};

/** One person at a glance: how they sign in, what they may do, and (therapists) whom they treat. */
export const UserShow = () => (
  <Show title={<UserTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <TextField source="email" />
      <Labeled source="role">
        <RoleText />
      </Labeled>
      <Labeled source="status">
        <StatusChip />
      </Labeled>
      <SelectField source="locale" choices={LOCALE_CHOICES} />
      <TextField source="timeZone" />
      <BooleanField source="mfaEnabled" />
      <DateField source="createdAt" />
      <TherapistCouples />
    </SimpleShowLayout>
  </Show>
);
