import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';

export const TOTP_PATTERN = /^\d{6}$/;
export const RECOVERY_CODE_PATTERN = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

/** Spaces and dashes people type while copying a code from an app are not part of it. */
export const normaliseTotp = (value: string) => value.replace(/[\s-]/g, '');
export const normaliseRecoveryCode = (value: string) => value.replace(/\s/g, '').toUpperCase();

interface CodeFieldProps {
  kind: 'totp' | 'recovery';
  label: string;
  helperText: string;
  error: string | null;
  value: string;
  onChange: (value: string) => void;
  /** Changes when the field should take focus again, e.g. after a refused code. */
  focusKey: number;
  /** Whether to take focus on first render (not while instructions above still need reading). */
  focusOnMount: boolean;
}

/**
 * The one input of the second sign-in step. A TOTP code gets the numeric keypad and the
 * `one-time-code` hint (phones offer codes from messages or password managers); a recovery code
 * is letters and digits.
 */
export const CodeField = ({
  kind,
  label,
  helperText,
  error,
  value,
  onChange,
  focusKey,
  focusOnMount,
}: CodeFieldProps) => {
  const input = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current || focusOnMount) {
      input.current?.focus();
    }
    mounted.current = true;
    // Only a new kind or a new attempt moves focus; the mount-time choice is made once.
  }, [kind, focusKey]);
  return (
    <TextField
      inputRef={input}
      fullWidth
      margin="normal"
      label={label}
      name={kind === 'totp' ? 'code' : 'recoveryCode'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error !== null}
      helperText={error ?? helperText}
      autoComplete={kind === 'totp' ? 'one-time-code' : 'off'}
      slotProps={{
        htmlInput:
          kind === 'totp'
            ? {
                inputMode: 'numeric',
                pattern: '[0-9 ]*',
                maxLength: 7,
                spellCheck: false,
                style: { fontFamily: 'monospace', fontSize: '1.25rem', letterSpacing: '0.3em' },
              }
            : {
                autoCapitalize: 'characters',
                maxLength: 12,
                spellCheck: false,
                style: { fontFamily: 'monospace', fontSize: '1.125rem', letterSpacing: '0.1em' },
              },
      }}
    />
  );
};
