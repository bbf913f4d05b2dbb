import { lazyExport } from '@mend/web-ui';

/** The `users` resource ("Team" in the menu): the list opens a person's page, edited from there. */
export const users = {
  list: lazyExport(() => import('./user-list'), 'UserList'),
  show: lazyExport(() => import('./user-show'), 'UserShow'),
  edit: lazyExport(() => import('./user-edit'), 'UserEdit'),
  create: lazyExport(() => import('./user-create'), 'UserCreate'),
};
