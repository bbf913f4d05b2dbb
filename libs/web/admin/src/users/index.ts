import { UserCreate } from './user-create';
import { UserEdit } from './user-edit';
import { UserList } from './user-list';

/** The `users` resource ("Team" in the menu). People are shown in the list and edited in place. */
export const users = { list: UserList, edit: UserEdit, create: UserCreate };
