import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { SxProps, Theme } from '@mui/material/styles';
import { useLocaleState, useLocales, useTranslate } from 'react-admin';

/**
 * Language choice for screens without the app bar (react-admin's own locale menu lives there).
 * Each option is written in its own language so people can find theirs without reading the other.
 */
export const LocaleSwitch = ({ sx }: { sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();

  if (locales.length < 2) {
    return null;
  }
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={locale}
      onChange={(_event, next: unknown) => {
        if (typeof next === 'string') {
          setLocale(next);
        }
      }}
      aria-label={translate('mend.locale.label')}
      sx={sx}
    >
      {locales.map(({ locale: code, name }) => (
        <ToggleButton key={code} value={code} lang={code} sx={{ px: 2, border: 0 }}>
          {name}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
