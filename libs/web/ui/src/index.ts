export { mendTheme } from './theme';
export { LoginPage, filledIn, type LoginNotice } from './login/login-page';
export { describeWait } from './login/describe-failure';
export { AuthShell, StepHeading } from './auth-shell';
export { Dashboard } from './dashboard';
export { LocaleSwitch } from './locale-switch';
export { lazyExport, type LazyComponent } from './lazy-export';
export { InactivityGuard } from './inactivity/inactivity-guard';
