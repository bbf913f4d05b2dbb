import { lazyExport } from '@mend/web-ui';

/** The `users` resource ("Team" in the menu). People are shown in the list and edited in place. */
export const users = {
  list: lazyExport(() => import('./user-list'), 'UserList'),
  edit: lazyExport(() => import('./user-edit'), 'UserEdit'),
  create: lazyExport(() => import('./user-create'), 'UserCreate'),
};
