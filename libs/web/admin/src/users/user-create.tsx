import {
  Create,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';

import type { InvitedUserRecord } from '../records';
import { LOCALE_CHOICES, STAFF_ROLE_CHOICES } from './choices';

/**
 * Inviting a colleague: the API creates the account as "invited" and emails a link. When the
 * email could not be sent the admin is told so plainly, and the list offers "Resend".
 */
export const UserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="mend.users.invite_heading"
      redirect={false}
      mutationOptions={{
        onSuccess: (data: InvitedUserRecord) => {
          notify(data.invitationSent ? 'mend.users.invited' : 'mend.users.invitation_not_sent', {
            type: data.invitationSent ? 'success' : 'warning',
            messageArgs: { email: data.email },
          });
          redirect('list', 'users');
        },
      }}
    >
      <SimpleForm defaultValues={{ role: 'therapist', locale: 'en' }} sx={{ maxWidth: 560 }}>
        <TextInput
          source="email"
          type="email"
          autoComplete="off"
          validate={[required(), email(), maxLength(254)]}
        />
        <TextInput
          source="displayName"
          autoComplete="off"
          validate={[required(), minLength(1), maxLength(120)]}
          helperText="mend.users.display_name_help"
        />
        <RadioButtonGroupInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <SelectInput
          source="locale"
          choices={LOCALE_CHOICES}
          translateChoice={false}
          validate={required()}
          helperText="mend.users.locale_help"
        />
      </SimpleForm>
    </Create>
  );
};
