import deepmerge from '@mui/utils/deepmerge';
import { type RaThemeOptions, defaultLightTheme } from 'react-admin';

/*
 * Warm neutrals with a clay accent and a sage companion: the people using Mend are often in a
 * hard moment, so the interface stays soft and quiet rather than clinical blue. Every text and
 * accent colour below keeps at least 4.5:1 contrast against the surfaces it sits on.
 */
const clay = { light: '#C4805F', main: '#9B4F32', dark: '#7A3B24', contrastText: '#FFFFFF' };
const sage = { light: '#7D9A8A', main: '#4E6B5C', dark: '#3F5A4C', contrastText: '#FFFFFF' };
const ink = { primary: '#2D2926', secondary: '#5F5650' };
const linen = '#F7F3EE';
const paper = '#FFFFFF';
const hairline = 'rgba(45, 41, 38, 0.12)';

const serif = '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif';
const sans =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

const mendOverrides: RaThemeOptions = {
  palette: {
    mode: 'light',
    primary: clay,
    secondary: sage,
    // Status colours are muted so an error reads as information, not alarm.
    info: { main: '#3E6A78', contrastText: '#FFFFFF' },
    success: { main: '#3F7A4F', contrastText: '#FFFFFF' },
    warning: { main: '#9A6212', contrastText: '#FFFFFF' },
    error: { main: '#A8322A', contrastText: '#FFFFFF' },
    background: { default: linen, paper },
    text: ink,
    divider: hairline,
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: sans,
    h1: { fontFamily: serif, fontWeight: 500, letterSpacing: '-0.01em' },
    h2: { fontFamily: serif, fontWeight: 500, letterSpacing: '-0.01em' },
    h3: { fontFamily: serif, fontWeight: 500 },
    h4: { fontFamily: serif, fontWeight: 500 },
    h5: { fontFamily: serif, fontWeight: 500 },
    h6: { fontWeight: 500 },
    button: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 },
  },
  components: {
    MuiAppBar: {
      styleOverrides: {
        // A light bar keeps the page content, not the chrome, as the focus.
        root: {
          backgroundColor: paper,
          color: ink.primary,
          boxShadow: 'none',
          borderBottom: `1px solid ${hairline}`,
        },
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 999, paddingInline: 20 } },
    },
    MuiPaper: {
      styleOverrides: { outlined: { borderColor: hairline } },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
    },
    MuiToggleButton: {
      styleOverrides: { root: { color: ink.secondary, textTransform: 'none' } },
    },
    MuiTextField: {
      defaultProps: { variant: 'outlined' },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined' },
    },
    RaLayout: {
      styleOverrides: { root: { '& .RaLayout-content': { paddingTop: 16 } } },
    },
  },
};

/** The one theme for the whole web app. Dark mode is intentionally absent until it is designed. */
export const mendTheme: RaThemeOptions = deepmerge(defaultLightTheme, mendOverrides);
