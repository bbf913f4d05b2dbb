import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { AnswerValue, Prompt } from '@mend/shared-exercises';
import { useTranslate } from 'react-admin';

export interface PromptFieldProps {
  prompt: Prompt;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  error: string | undefined;
  /** The id of the element that names the prompt, for groups. */
  labelId: string;
  inputId: string;
  disabled?: boolean;
}

const SCALE = Array.from({ length: 11 }, (_, index) => index);

/** The question text, with "(optional)" when it may be left empty. */
export const PromptLabel = ({ prompt, id }: { prompt: Prompt; id: string }) => {
  const translate = useTranslate();
  return (
    <FormLabel
      id={id}
      component="legend"
      sx={{
        color: 'text.primary',
        fontWeight: 600,
        mb: 0.5,
        '&.Mui-focused': { color: 'text.primary' },
      }}
    >
      {prompt.label}
      {!prompt.required && (
        <Typography component="span" color="text.secondary" sx={{ fontWeight: 400 }}>
          {' '}
          {translate('mend.client.exercise.optional')}
        </Typography>
      )}
    </FormLabel>
  );
};

const textLength = (value: AnswerValue | null) =>
  typeof value === 'string' ? [...value].length : 0;

/** One answer control per prompt kind; all of them speak AnswerValue | null (null = unanswered). */
export const PromptField = (props: PromptFieldProps) => {
  const { prompt, value, onChange, error, labelId, inputId, disabled } = props;
  const translate = useTranslate();
  const helpId = `${inputId}-help`;
  const help = (extra?: string) => {
    const text = error ?? [prompt.help, extra].filter(Boolean).join(' ');
    return text ? (
      <FormHelperText id={helpId} error={error !== undefined} sx={{ mx: 0 }}>
        {text}
      </FormHelperText>
    ) : null;
  };

  switch (prompt.kind) {
    case 'long_text':
    case 'short_text': {
      const long = prompt.kind === 'long_text';
      return (
        <FormControl fullWidth error={error !== undefined} component="fieldset">
          <PromptLabel prompt={prompt} id={labelId} />
          <TextField
            id={inputId}
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(event.target.value)}
            multiline={long}
            minRows={long ? 4 : undefined}
            fullWidth
            disabled={disabled}
            error={error !== undefined}
            slotProps={{
              htmlInput: {
                'aria-labelledby': labelId,
                'aria-describedby': helpId,
                'aria-invalid': error !== undefined,
                maxLength: prompt.maxLength,
              },
            }}
          />
          {help(
            textLength(value) > prompt.maxLength * 0.8
              ? translate('mend.client.exercise.characters_left', {
                  smart_count: Math.max(0, prompt.maxLength - textLength(value)),
                })
              : undefined,
          )}
        </FormControl>
      );
    }
    case 'scale':
      return (
        <FormControl fullWidth error={error !== undefined} component="fieldset">
          <PromptLabel prompt={prompt} id={labelId} />
          <ToggleButtonGroup
            id={inputId}
            exclusive
            value={typeof value === 'number' ? value : null}
            onChange={(_event, next: number | null) => onChange(next)}
            aria-labelledby={labelId}
            aria-describedby={helpId}
            disabled={disabled}
            sx={{ display: 'flex', width: '100%', mt: 0.5 }}
          >
            {SCALE.map((n) => (
              <ToggleButton
                key={n}
                value={n}
                aria-label={
                  n === 0 && prompt.lowLabel
                    ? `${n} – ${prompt.lowLabel}`
                    : n === 10 && prompt.highLabel
                      ? `${n} – ${prompt.highLabel}`
                      : String(n)
                }
                sx={{
                  flex: 1,
                  minWidth: 0,
                  px: 0,
                  py: 1.25,
                  '&.Mui-selected, &.Mui-selected:hover': {
                    bgcolor: 'primary.main',
                    color: 'primary.contrastText',
                  },
                }}
              >
                {n}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {(prompt.lowLabel || prompt.highLabel) && (
            <Box
              aria-hidden
              sx={{ display: 'flex', justifyContent: 'space-between', mt: 0.5, gap: 2 }}
            >
              <Typography variant="body2" color="text.secondary">
                {prompt.lowLabel ? `0 · ${prompt.lowLabel}` : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right' }}>
                {prompt.highLabel ? `${prompt.highLabel} · 10` : ''}
              </Typography>
            </Box>
          )}
          {help()}
        </FormControl>
      );
    case 'single_choice':
    case 'yes_no': {
      const options =
        prompt.kind === 'yes_no'
          ? [
              { value: 'yes', label: translate('mend.client.exercise.yes') },
              { value: 'no', label: translate('mend.client.exercise.no') },
            ]
          : prompt.options;
      const current =
        prompt.kind === 'yes_no'
          ? typeof value === 'boolean'
            ? value
              ? 'yes'
              : 'no'
            : ''
          : typeof value === 'string'
            ? value
            : '';
      return (
        <FormControl fullWidth error={error !== undefined} component="fieldset">
          <PromptLabel prompt={prompt} id={labelId} />
          <RadioGroup
            id={inputId}
            aria-labelledby={labelId}
            aria-describedby={helpId}
            row={prompt.kind === 'yes_no'}
            value={current}
            onChange={(event) =>
              onChange(prompt.kind === 'yes_no' ? event.target.value === 'yes' : event.target.value)
            }
          >
            {options.map((option) => (
              <FormControlLabel
                key={option.value}
                value={option.value}
                control={<Radio />}
                label={option.label}
                disabled={disabled}
              />
            ))}
          </RadioGroup>
          {help()}
        </FormControl>
      );
    }
    case 'multiple_choice':
    case 'checklist': {
      const selected = Array.isArray(value) ? value : [];
      const toggle = (option: string, checked: boolean) => {
        const next = checked ? [...selected, option] : selected.filter((item) => item !== option);
        onChange(
          next.length === 0
            ? null
            : prompt.options.map((o) => o.value).filter((v) => next.includes(v)),
        );
      };
      const max = prompt.maxSelections;
      return (
        <FormControl fullWidth error={error !== undefined} component="fieldset">
          <PromptLabel prompt={prompt} id={labelId} />
          <FormGroup id={inputId} aria-labelledby={labelId} aria-describedby={helpId}>
            {prompt.options.map((option) => {
              const checked = selected.includes(option.value);
              return (
                <FormControlLabel
                  key={option.value}
                  control={
                    <Checkbox
                      checked={checked}
                      onChange={(event) => toggle(option.value, event.target.checked)}
                    />
                  }
                  label={option.label}
                  disabled={disabled || (!checked && max !== undefined && selected.length >= max)}
                />
              );
            })}
          </FormGroup>
          {help(
            max !== undefined && max < prompt.options.length
              ? translate('mend.client.exercise.choose_up_to', { smart_count: max })
              : undefined,
          )}
        </FormControl>
      );
    }
    case 'date':
      return (
        <FormControl fullWidth error={error !== undefined} component="fieldset">
          <PromptLabel prompt={prompt} id={labelId} />
          <TextField
            id={inputId}
            type="date"
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
            disabled={disabled}
            error={error !== undefined}
            sx={{ maxWidth: 240 }}
            slotProps={{
              htmlInput: {
                'aria-labelledby': labelId,
                'aria-describedby': helpId,
                min: prompt.minDate,
                max: prompt.maxDate,
              },
            }}
          />
          {help()}
        </FormControl>
      );
  }
};
