import { lazyExport } from '@mend/web-ui';

// The pages load on first visit; the menu item and the couple panel come with their areas.
export const MessagesPage = lazyExport(() => import('./messages-page'), 'MessagesPage');
export const ThreadPage = lazyExport(() => import('./thread-page'), 'ThreadPage');

export { MessagesMenuItem } from './messages-menu-item';
export { CoupleMessagesPanel } from './couple-messages-panel';
export { messagesMessagesEn, type MessagesMessages } from './i18n/messages-messages.en';
export { messagesMessagesEs } from './i18n/messages-messages.es';
