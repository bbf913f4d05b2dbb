import LockOutlined from '@mui/icons-material/LockOutlined';
import PeopleOutline from '@mui/icons-material/PeopleOutline';
import HourglassEmptyOutlined from '@mui/icons-material/HourglassEmptyOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Visibility } from '@mend/shared-exercises';
import { useTranslate } from 'react-admin';

const ICONS: Record<Visibility, typeof LockOutlined> = {
  therapist: LockOutlined,
  partner: PeopleOutline,
  reveal_after_both: HourglassEmptyOutlined,
};

/** Options in a fixed, gentle order: the most private first. */
const ORDER: Visibility[] = ['therapist', 'partner', 'reveal_after_both'];

export function useVisibilityLabel() {
  const translate = useTranslate();
  return (visibility: Visibility, partner: string) =>
    translate(`mend.client.visibility.${visibility}`, { partner });
}

/**
 * Who may read one answer, chosen per answer. A compact segmented control: each choice says in
 * plain words who will see it, and the delayed option explains itself underneath when chosen.
 */
export const VisibilityChoice = ({
  options,
  value,
  onChange,
  partnerName,
  promptLabel,
  disabled,
}: {
  options: Visibility[];
  value: Visibility;
  onChange: (visibility: Visibility) => void;
  partnerName: string;
  promptLabel: string;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const label = useVisibilityLabel();
  if (options.length < 2) {
    const only = options[0] ?? value;
    const Icon = ICONS[only];
    return (
      <Typography variant="body2" color="text.secondary" sx={{ display: 'flex', gap: 0.75, mt: 1 }}>
        <Icon fontSize="small" aria-hidden />
        {translate('mend.client.visibility.fixed', { who: label(only, partnerName) })}
      </Typography>
    );
  }
  return (
    <Box sx={{ mt: 1.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {translate('mend.client.visibility.question')}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={value}
        disabled={disabled}
        onChange={(_event, next: Visibility | null) => {
          if (next !== null) onChange(next);
        }}
        aria-label={translate('mend.client.visibility.group_label', { prompt: promptLabel })}
        sx={{
          flexWrap: 'wrap',
          gap: 0.75,
          '& .MuiToggleButtonGroup-grouped': {
            border: 1,
            borderColor: 'divider',
            borderRadius: '999px !important',
            m: 0,
          },
        }}
      >
        {ORDER.filter((option) => options.includes(option)).map((option) => {
          const Icon = ICONS[option];
          return (
            <ToggleButton
              key={option}
              value={option}
              sx={{
                px: 1.5,
                py: 0.5,
                gap: 0.75,
                '&.Mui-selected, &.Mui-selected:hover': {
                  bgcolor: 'secondary.main',
                  color: 'secondary.contrastText',
                },
              }}
            >
              <Icon fontSize="small" aria-hidden />
              {label(option, partnerName)}
            </ToggleButton>
          );
        })}
      </ToggleButtonGroup>
      {value === 'reveal_after_both' && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
          {translate('mend.client.visibility.reveal_explained', { partner: partnerName })}
        </Typography>
      )}
    </Box>
  );
};

/** Read-only: who can see an answer that was already given. */
export const VisibilityChip = ({
  visibility,
  partnerName,
}: {
  visibility: Visibility;
  partnerName: string;
}) => {
  const label = useVisibilityLabel();
  const Icon = ICONS[visibility];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon fontSize="small" aria-hidden />}
      label={label(visibility, partnerName)}
      sx={{ mt: 0.75 }}
    />
  );
};
