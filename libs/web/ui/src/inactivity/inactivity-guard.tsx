import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import {
  type IdleState,
  idleLimitMs,
  idleState,
  lastActiveAt,
  recordActivity,
  reportActivityIfDue,
} from '@mend/web-auth';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogout, useTranslate } from 'react-admin';

/** Tells the login page why someone lands there, so it can explain (`?signedOut=inactive`). */
export const SIGNED_OUT_REASON_PARAM = 'signedOut';
const SIGNED_OUT_INACTIVE_PATH = `/login?${SIGNED_OUT_REASON_PARAM}=inactive`;

/** Use of the page, wherever it happens (scroll does not bubble, hence the capture phase). */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'scroll', 'wheel'];

/** One check a second keeps the countdown honest; activity is written at most as often. */
const TICK_MS = 1000;

const sameState = (a: IdleState, b: IdleState) =>
  a.kind === 'warning' && b.kind === 'warning'
    ? a.secondsLeft === b.secondsLeft
    : a.kind === b.kind;

/**
 * Watches for use of the app in this tab and every other one, warns a minute before the clinic's
 * idle limit, and signs out at the limit (after any unsaved draft is sent) to the login page.
 */
export const InactivityGuard = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const [state, setState] = useState<IdleState>({ kind: 'active' });
  const signingOut = useRef(false);
  const lastWrite = useRef(0);

  const check = useCallback(() => {
    const limit = idleLimitMs();
    if (limit === null || signingOut.current) return;
    const now = Date.now();
    const next = idleState(now, lastActiveAt(now), limit);
    if (next.kind === 'expired') {
      signingOut.current = true;
      void logout({}, SIGNED_OUT_INACTIVE_PATH);
      return;
    }
    // A new object every second would re-render the whole layout for nothing.
    setState((current) => (sameState(current, next) ? current : next));
    void reportActivityIfDue(now);
  }, [logout]);

  const markActive = useCallback(() => {
    const now = Date.now();
    if (now - lastWrite.current < TICK_MS) return;
    lastWrite.current = now;
    const limit = idleLimitMs();
    if (limit === null) return;
    // Coming back after the limit (a laptop opened again) ends the session rather than extends it.
    if (idleState(now, lastActiveAt(now), limit).kind !== 'expired') recordActivity(now);
    check();
  }, [check]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') markActive();
    };
    const options = { capture: true, passive: true };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, markActive, options);
    document.addEventListener('visibilitychange', onVisible);
    check();
    const ticker = window.setInterval(check, TICK_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, markActive, options);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(ticker);
    };
  }, [check, markActive]);

  const stay = () => {
    const now = Date.now();
    lastWrite.current = now;
    recordActivity(now);
    check();
  };

  const signOut = () => {
    signingOut.current = true;
    void logout();
  };

  return (
    <Dialog
      open={state.kind === 'warning'}
      onClose={stay}
      aria-labelledby="inactivity-title"
      aria-describedby="inactivity-countdown"
      maxWidth="xs"
    >
      <DialogTitle id="inactivity-title">{translate('mend.inactivity.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="inactivity-countdown">
          {translate('mend.inactivity.countdown', {
            smart_count: state.kind === 'warning' ? state.secondsLeft : 0,
          })}
        </DialogContentText>
        <DialogContentText sx={{ mt: 1 }}>{translate('mend.inactivity.reason')}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={signOut}>{translate('mend.inactivity.sign_out')}</Button>
        <Button onClick={stay} variant="contained" autoFocus>
          {translate('mend.inactivity.stay')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
