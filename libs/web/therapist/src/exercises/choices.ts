import {
  COMPLETION_MODES,
  EXERCISE_THEMES,
  PROMPT_KINDS,
  VISIBILITIES,
} from '@mend/shared-exercises';

export const THEME_CHOICES = EXERCISE_THEMES.map((theme) => ({
  id: theme,
  name: `therapist.themes.${theme}`,
}));
export const KIND_CHOICES = PROMPT_KINDS.map((kind) => ({
  id: kind,
  name: `therapist.prompt_kinds.${kind}`,
}));
export const MODE_CHOICES = COMPLETION_MODES.map((mode) => ({
  id: mode,
  name: `therapist.assign.mode.${mode}`,
}));
export const VISIBILITY_CHOICES = VISIBILITIES.map((visibility) => ({
  id: visibility,
  name: `therapist.visibility.${visibility}`,
}));
export const SOURCE_CHOICES = [
  { id: 'library', name: 'therapist.exercises.source.library' },
  { id: 'clinic', name: 'therapist.exercises.source.clinic' },
];
