export { mendTheme } from './theme';
export { LoginPage } from './login-page';
export { Dashboard } from './dashboard';
export { LocaleSwitch } from './locale-switch';
