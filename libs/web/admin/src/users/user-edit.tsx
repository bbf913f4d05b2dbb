import {
  Edit,
  Labeled,
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useRecordContext,
} from 'react-admin';

import type { UserRecord } from '../records';
import { STAFF_ROLE_CHOICES } from './choices';
import { DeactivateButton } from './deactivate-button';
import { ResendInvitationButton } from './resend-invitation-button';
import { StatusChip } from './user-chips';

/** PUT /users/:id accepts exactly these fields; anything else is a 400. */
function editableFields(data: Partial<UserRecord>, options?: { previousData?: UserRecord }) {
  return {
    displayName: data.displayName,
    // Clients stay clients: their role is not offered, so it is not sent.
    ...(options?.previousData?.role === 'client' ? {} : { role: data.role }),
  };
}

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
    <ResendInvitationButton />
    <DeactivateButton />
  </Toolbar>
);

const RoleInput = () => {
  const record = useRecordContext<UserRecord>();
  if (record?.role === 'client') {
    return null;
  }
  return <RadioButtonGroupInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />;
};

const UserTitle = () => {
  const record = useRecordContext<UserRecord>();
  return <>{record?.displayName ?? ''}</>;
};

export const UserEdit = () => (
  <Edit title={<UserTitle />} mutationMode="pessimistic" transform={editableFields}>
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 560 }}>
      <Labeled source="email">
        <TextField source="email" />
      </Labeled>
      <Labeled source="status">
        <StatusChip />
      </Labeled>
      <TextInput source="displayName" validate={[required(), maxLength(120)]} />
      <RoleInput />
    </SimpleForm>
  </Edit>
);
