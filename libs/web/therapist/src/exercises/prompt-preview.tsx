import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Slider from '@mui/material/Slider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PromptInput } from '@mend/shared-exercises';
import { useTranslate } from 'react-admin';

/**
 * One question as the partner will see it. The controls are real but inert (disabled), so the
 * therapist sees the layout without being able to "answer".
 */
export const PromptPreview = ({ prompt, index }: { prompt: PromptInput; index: number }) => {
  const translate = useTranslate();
  const id = `preview-${index}-${prompt.id}`;
  const label = `${prompt.label}${prompt.required ? ' *' : ''}`;
  const help = prompt.help ? <FormHelperText>{prompt.help}</FormHelperText> : null;
  switch (prompt.kind) {
    case 'short_text':
    case 'long_text':
      return (
        <TextField
          id={id}
          label={label}
          helperText={prompt.help}
          disabled
          fullWidth
          multiline={prompt.kind === 'long_text'}
          minRows={prompt.kind === 'long_text' ? 3 : undefined}
        />
      );
    case 'date':
      return (
        <TextField
          id={id}
          type="date"
          label={label}
          helperText={prompt.help}
          disabled
          slotProps={{ inputLabel: { shrink: true } }}
        />
      );
    case 'scale':
      return (
        <Box>
          <Typography id={`${id}-label`} gutterBottom>
            {label}
          </Typography>
          <Slider
            disabled
            defaultValue={5}
            min={0}
            max={10}
            step={1}
            marks
            valueLabelDisplay="auto"
            aria-labelledby={`${id}-label`}
            sx={{ maxWidth: 420 }}
          />
          <Box sx={{ display: 'flex', justifyContent: 'space-between', maxWidth: 420 }}>
            <Typography variant="caption">
              0 {prompt.lowLabel ? `· ${prompt.lowLabel}` : ''}
            </Typography>
            <Typography variant="caption">
              {prompt.highLabel ? `${prompt.highLabel} · ` : ''}10
            </Typography>
          </Box>
          {help}
        </Box>
      );
    case 'yes_no':
      return (
        <FormControl disabled>
          <FormLabel id={`${id}-label`}>{label}</FormLabel>
          <RadioGroup row aria-labelledby={`${id}-label`}>
            <FormControlLabel
              value="yes"
              control={<Radio />}
              label={translate('ra.boolean.true')}
            />
            <FormControlLabel
              value="no"
              control={<Radio />}
              label={translate('ra.boolean.false')}
            />
          </RadioGroup>
          {help}
        </FormControl>
      );
    case 'single_choice':
      return (
        <FormControl disabled>
          <FormLabel id={`${id}-label`}>{label}</FormLabel>
          <RadioGroup aria-labelledby={`${id}-label`}>
            {prompt.options.map((option) => (
              <FormControlLabel
                key={option.value}
                value={option.value}
                control={<Radio />}
                label={option.label}
              />
            ))}
          </RadioGroup>
          {help}
        </FormControl>
      );
    case 'multiple_choice':
    case 'checklist':
      return (
        <FormControl disabled component="fieldset">
          <FormLabel component="legend">{label}</FormLabel>
          <FormGroup>
            {prompt.options.map((option) => (
              <FormControlLabel key={option.value} control={<Checkbox />} label={option.label} />
            ))}
          </FormGroup>
          {help}
        </FormControl>
      );
  }
};
