import { API_BASE_URL, httpClient } from '@mend/web-auth';
import simpleRestProvider from 'ra-data-simple-rest';

/** The API speaks react-admin's simple REST dialect, so the stock provider is used unchanged. */
export const dataProvider = simpleRestProvider(API_BASE_URL, httpClient);
