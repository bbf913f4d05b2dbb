import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import {
  ArrayInput,
  Button,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  Edit,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useSimpleFormIterator,
  useTranslate,
} from 'react-admin';

import { KIND_CHOICES, MODE_CHOICES, THEME_CHOICES, VISIBILITY_CHOICES } from './choices';
import { toDefinition, validateDefinition } from './definition';

/** Adds a prompt at the end of the form; the button names what it adds. */
const AddQuestionButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label="therapist.builder.add_question" variant="outlined" onClick={() => add()}>
      <AddOutlined />
    </Button>
  );
};

const hasOptions = (kind: unknown) =>
  kind === 'single_choice' || kind === 'multiple_choice' || kind === 'checklist';

/** The settings that belong to one prompt kind. */
const KindSettings = ({ kind }: { kind: unknown }) => {
  switch (kind) {
    case 'short_text':
    case 'long_text':
      return (
        <>
          <NumberInput source="minLength" label="therapist.builder.min_length" min={1} />
          <NumberInput source="maxLength" label="therapist.builder.max_length" min={1} />
        </>
      );
    case 'scale':
      return (
        <>
          <TextInput source="lowLabel" label="therapist.builder.low_label" />
          <TextInput source="highLabel" label="therapist.builder.high_label" />
        </>
      );
    case 'date':
      return (
        <>
          <TextInput
            source="minDate"
            type="date"
            label="therapist.builder.min_date"
            InputLabelProps={{ shrink: true }}
          />
          <TextInput
            source="maxDate"
            type="date"
            label="therapist.builder.max_date"
            InputLabelProps={{ shrink: true }}
          />
        </>
      );
    case 'multiple_choice':
    case 'checklist':
      return (
        <>
          <NumberInput source="minSelections" label="therapist.builder.min_selections" min={1} />
          <NumberInput source="maxSelections" label="therapist.builder.max_selections" min={1} />
        </>
      );
    default:
      return null;
  }
};

/** Language names in their own language, as the language menu shows them. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español' };

/**
 * A translation is made for one version's words; a new version written here would contradict
 * it, so the server drops it, and the author is told before saving.
 */
const TranslationNote = () => {
  const translate = useTranslate();
  const record = useRecordContext<{ languages?: string[] }>();
  const languages = record?.languages ?? [];
  if (languages.length === 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('therapist.builder.translation_note', {
        languages: languages.map((code) => LANGUAGE_NAMES[code] ?? code).join(', '),
      })}
    </Alert>
  );
};

const BuilderForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm validate={validateDefinition} sx={{ maxWidth: 900 }}>
      <TranslationNote />
      <Typography component="h2" variant="h6">
        {translate('therapist.builder.about')}
      </Typography>
      <TextInput source="title" label="therapist.exercises.fields.title" fullWidth />
      <SelectInput source="theme" label="therapist.exercises.theme" choices={THEME_CHOICES} />
      <TextInput source="summary" label="therapist.builder.summary" fullWidth multiline />
      <TextInput
        source="whyItHelps"
        label="therapist.builder.why"
        helperText="therapist.builder.why_help"
        fullWidth
        multiline
      />
      <TextInput
        source="instructions"
        label="therapist.builder.instructions"
        helperText="therapist.builder.instructions_help"
        fullWidth
        multiline
        minRows={3}
      />
      <NumberInput source="estimatedMinutes" label="therapist.builder.minutes" min={1} max={240} />
      <CheckboxGroupInput
        source="completionModes"
        label="therapist.builder.modes"
        choices={MODE_CHOICES}
      />
      <CheckboxGroupInput
        source="visibilityOptions"
        label="therapist.builder.visibility_options"
        choices={VISIBILITY_CHOICES}
      />
      <SelectInput
        source="defaultVisibility"
        label="therapist.builder.default_visibility"
        choices={VISIBILITY_CHOICES}
      />
      <BooleanInput source="requiresTherapistReview" label="therapist.builder.review" />

      <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
        {translate('therapist.builder.questions')}
      </Typography>
      <ArrayInput source="form.prompts" label={false}>
        <SimpleFormIterator
          getItemLabel={(index) => translate('therapist.builder.question_n', { n: index + 1 })}
          // A named button says what it adds; clearing every question at once is one click
          // too easy to make by mistake, so it is not offered.
          addButton={<AddQuestionButton />}
          disableClear
          sx={{ '& .RaSimpleFormIterator-line': { py: 1 } }}
        >
          <TextInput source="label" label="therapist.builder.question" fullWidth />
          <SelectInput
            source="kind"
            label="therapist.builder.kind"
            choices={KIND_CHOICES}
            defaultValue="short_text"
          />
          <BooleanInput source="required" label="therapist.builder.required" defaultValue={true} />
          <TextInput source="help" label="therapist.builder.help" fullWidth />
          <TextInput
            source="id"
            label="therapist.builder.answer_key"
            helperText="therapist.builder.answer_key_help"
          />
          <FormDataConsumer>
            {({ scopedFormData }) => {
              const kind: unknown = scopedFormData?.['kind'];
              return (
                <>
                  <KindSettings kind={kind} />
                  {hasOptions(kind) && (
                    <ArrayInput source="options" label="therapist.builder.options">
                      <SimpleFormIterator inline>
                        <TextInput source="label" label="therapist.builder.option_label" />
                        <TextInput
                          source="value"
                          label="therapist.builder.option_value"
                          helperText="therapist.builder.option_value_help"
                        />
                      </SimpleFormIterator>
                    </ArrayInput>
                  )}
                </>
              );
            }}
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
};

const NEW_EXERCISE = {
  theme: 'communication',
  estimatedMinutes: 10,
  completionModes: ['each'],
  visibilityOptions: ['therapist', 'partner'],
  defaultVisibility: 'partner',
  requiresTherapistReview: false,
  form: { prompts: [{ kind: 'long_text', required: true }] },
};

/**
 * Editing saves a new version; assignments keep the version they were given. The form loads the
 * words as written, never the reader's translation, so saving cannot turn one into the other.
 */
export const ExerciseEdit = () => (
  <Edit
    queryOptions={{ meta: { text: 'written' } }}
    mutationMode="pessimistic"
    redirect="show"
    transform={toDefinition}
    title="therapist.builder.edit_title"
  >
    <BuilderForm />
  </Edit>
);

export const ExerciseCreate = () => (
  <Create
    redirect="show"
    transform={toDefinition}
    record={NEW_EXERCISE}
    title="therapist.builder.create_title"
  >
    <BuilderForm />
  </Create>
);
