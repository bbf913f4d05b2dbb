import Chip from '@mui/material/Chip';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import type { ExerciseRecord } from '../records';
import { SOURCE_CHOICES, THEME_CHOICES } from './choices';

const TitleSearch = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const text = translate('therapist.exercises.search');
  return (
    <SearchInput
      source={source}
      placeholder={text}
      slotProps={{ htmlInput: { 'aria-label': text } }}
    />
  );
};

const filters = [
  <TitleSearch key="q" source="q" alwaysOn />,
  <SelectInput
    key="theme"
    source="theme"
    choices={THEME_CHOICES}
    label="therapist.exercises.theme"
    alwaysOn
  />,
  <SelectInput
    key="source"
    source="source"
    choices={SOURCE_CHOICES}
    label="therapist.exercises.source_label"
  />,
];

const ThemeChip = () => {
  const translate = useTranslate();
  const record = useRecordContext<ExerciseRecord>();
  return record ? (
    <Chip size="small" variant="outlined" label={translate(`therapist.themes.${record.theme}`)} />
  ) : null;
};

const SourceText = () => {
  const translate = useTranslate();
  const record = useRecordContext<ExerciseRecord>();
  return record ? (
    <>{translate(`therapist.exercises.source.${record.source}`, { _: record.source })}</>
  ) : null;
};

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="therapist.exercises.new" />
  </TopToolbar>
);

/** The exercise library: the seeded exercises and the clinic's own, searchable by theme. */
export const ExerciseList = () => (
  <List
    title="therapist.exercises.title"
    filters={filters}
    filterDefaultValues={{ archived: false }}
    actions={<Actions />}
    sort={{ field: 'title', order: 'ASC' }}
    perPage={25}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" label="therapist.exercises.fields.title" />
      <DataTable.Col source="theme" label="therapist.exercises.theme">
        <ThemeChip />
      </DataTable.Col>
      <DataTable.NumberCol source="estimatedMinutes" label="therapist.exercises.fields.minutes" />
      <DataTable.NumberCol source="promptCount" label="therapist.exercises.fields.prompts" />
      <DataTable.Col source="source" label="therapist.exercises.source_label" disableSort>
        <SourceText />
      </DataTable.Col>
    </DataTable>
  </List>
);
