import { parseExerciseTemplate, type Problem } from '@mend/shared-exercises';

/**
 * Turning the builder's form values into the API's exercise definition. The server's schema is
 * strict (a key that does not belong to a prompt's kind is an error), so each prompt keeps only
 * the settings of its own kind, and blank optional settings are left out.
 */
type Values = Record<string, unknown>;

const isRecord = (value: unknown): value is Values => typeof value === 'object' && value !== null;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** "How did today feel?" → "how_did_today_feel"; falls back when nothing usable is left. */
export function slugify(label: string, fallback: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug === '' ? fallback : slug;
}

const PROMPT_SETTINGS: Record<string, readonly string[]> = {
  short_text: ['minLength', 'maxLength'],
  long_text: ['minLength', 'maxLength'],
  scale: ['lowLabel', 'highLabel'],
  single_choice: ['options'],
  multiple_choice: ['options', 'minSelections', 'maxSelections'],
  checklist: ['options', 'minSelections', 'maxSelections'],
  date: ['minDate', 'maxDate'],
  yes_no: [],
};

function toOption(raw: unknown, index: number): Values {
  const option = isRecord(raw) ? raw : {};
  const label = text(option['label']) ?? '';
  return { value: text(option['value']) ?? slugify(label, `option_${index + 1}`), label };
}

function toPrompt(raw: unknown, index: number): Values {
  const prompt = isRecord(raw) ? raw : {};
  const kind = typeof prompt['kind'] === 'string' ? prompt['kind'] : 'short_text';
  const label = text(prompt['label']) ?? '';
  const out: Values = {
    id: text(prompt['id']) ?? slugify(label, `question_${index + 1}`),
    kind,
    label,
    required: prompt['required'] === true,
  };
  const help = text(prompt['help']);
  if (help) out['help'] = help;
  for (const setting of PROMPT_SETTINGS[kind] ?? []) {
    const value = prompt[setting];
    if (setting === 'options') {
      out['options'] = Array.isArray(value) ? value.map(toOption) : [];
    } else if (setting.endsWith('Length') || setting.endsWith('Selections')) {
      const number = count(value);
      if (number !== undefined) out[setting] = number;
    } else {
      const string = text(value);
      if (string) out[setting] = string;
    }
  }
  return out;
}

export function toDefinition(values: Values): Values {
  const form = isRecord(values['form']) ? values['form'] : {};
  const prompts = Array.isArray(form['prompts']) ? form['prompts'] : [];
  return {
    title: text(values['title']) ?? '',
    theme: values['theme'],
    summary: text(values['summary']) ?? '',
    whyItHelps: text(values['whyItHelps']) ?? '',
    instructions: text(values['instructions']) ?? '',
    estimatedMinutes: count(values['estimatedMinutes']),
    completionModes: Array.isArray(values['completionModes']) ? values['completionModes'] : [],
    visibilityOptions: Array.isArray(values['visibilityOptions'])
      ? values['visibilityOptions']
      : [],
    defaultVisibility: values['defaultVisibility'],
    requiresTherapistReview: values['requiresTherapistReview'] === true,
    form: { prompts: prompts.map(toPrompt) },
  };
}

/** `form.prompts[2].options` → ['form', 'prompts', 2, 'options']. */
function segments(path: string): (string | number)[] {
  return path
    .replace(/\]/g, '')
    .split(/\.|\[/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Problems as react-admin's nested error object; the first message on a path wins. */
export function problemsToErrors(problems: Problem[]): Values {
  const errors: Values = {};
  for (const problem of problems) {
    const path = segments(problem.field);
    let node: Values | unknown[] = errors;
    let ok = true;
    path.forEach((segment, index) => {
      if (!ok) return;
      const last = index === path.length - 1;
      const container = node as Record<string | number, unknown>;
      const existing = container[segment];
      if (last) {
        if (existing === undefined) container[segment] = problem.message;
        return;
      }
      if (existing === undefined) {
        const next: Values | unknown[] = typeof path[index + 1] === 'number' ? [] : {};
        container[segment] = next;
        node = next;
      } else if (typeof existing === 'object' && existing !== null) {
        node = existing as Values;
      } else {
        ok = false;
      }
    });
  }
  return fillHoles(errors) as Values;
}

function fillHoles(value: unknown): unknown {
  if (Array.isArray(value))
    return Array.from(value, (item) => (item === undefined ? {} : fillHoles(item)));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillHoles(item)]));
  }
  return value;
}

/** The same checks the server runs, before the round trip; the key is the server's to choose. */
export function validateDefinition(values: Values): Values {
  const result = parseExerciseTemplate({ ...toDefinition(values), key: 'draft' });
  return result.ok ? {} : problemsToErrors(result.problems);
}
