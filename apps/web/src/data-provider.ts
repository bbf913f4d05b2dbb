import { API_BASE_URL, httpClient } from '@mend/web-auth';
import {
  CURRENT_CLINIC,
  type ClinicCoupleRecord,
  type InvitedUserRecord,
  type MendDataProvider,
  type UserRecord,
} from '@mend/web-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, HttpError, fetchUtils } from 'react-admin';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The API answers a bad body with `{message, fields: {name: message}}`; react-admin's forms look
 * for `body.errors` to put each message under its field. Only the shape changes here.
 */
async function apiClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await httpClient(url, options);
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) {
      const body: unknown = error.body;
      const fields = isRecord(body) ? body['fields'] : undefined;
      if (isRecord(body) && isRecord(fields)) {
        throw new HttpError(error.message, error.status, { ...body, errors: fields });
      }
    }
    throw error;
  }
}

/** The API speaks react-admin's simple REST dialect, so the stock provider does the CRUD. */
const rest = simpleRestProvider(API_BASE_URL, apiClient);

/**
 * The clinic is a singleton at `/clinic`, not a collection; its admin edits "the current one".
 * react-admin insists the record's id is the one it asked for, so the record answers to that id.
 */
const clinic: Pick<DataProvider, 'getOne' | 'update'> = {
  getOne: async () => {
    const { json } = await apiClient(`${API_BASE_URL}/clinic`);
    return { data: { ...json, id: CURRENT_CLINIC } };
  },
  update: async (_resource, params) => {
    const { json } = await apiClient(`${API_BASE_URL}/clinic`, {
      method: 'PUT',
      body: JSON.stringify(params.data),
    });
    return { data: { ...json, id: CURRENT_CLINIC } };
  },
};

const send = async (method: 'POST' | 'PUT', path: string, body?: unknown) => {
  const { json } = await apiClient(`${API_BASE_URL}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return json;
};

/**
 * `meta: { text: 'written' }` asks for an exercise as stored rather than in the reader's
 * language: the builder edits the words themselves, never a translation of them.
 */
const exerciseAsWritten: Pick<DataProvider, 'getOne'> = {
  getOne: async (_resource, params) => {
    const { json } = await apiClient(
      `${API_BASE_URL}/exercises/${encodeURIComponent(String(params.id))}?text=written`,
      { signal: params.signal },
    );
    return { data: json };
  },
};

export const dataProvider: MendDataProvider = {
  ...rest,
  getOne: (resource, params) => {
    if (resource === 'clinic' && params.id === CURRENT_CLINIC) {
      return clinic.getOne(resource, params);
    }
    if (resource === 'exercises' && params.meta?.text === 'written') {
      return exerciseAsWritten.getOne(resource, params);
    }
    return rest.getOne(resource, params);
  },
  update: (resource, params) =>
    resource === 'clinic' && params.id === CURRENT_CLINIC
      ? clinic.update(resource, params)
      : rest.update(resource, params),
  resendInvitation: async (id) =>
    (await send('POST', `/users/${encodeURIComponent(id)}/resend-invitation`)) as InvitedUserRecord,
  deactivateUser: async (id) =>
    (await send('POST', `/users/${encodeURIComponent(id)}/deactivate`)) as UserRecord,
  reassignTherapists: async (id, therapistIds) =>
    (await send('PUT', `/couples/${encodeURIComponent(id)}/therapists`, {
      therapistIds,
    })) as ClinicCoupleRecord,
};
