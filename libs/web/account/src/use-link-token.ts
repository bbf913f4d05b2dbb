import { useLocation } from 'react-admin';

/** The `token` of an emailed link: `#/reset-password?token=…` puts it in the hash route's query. */
export function useLinkToken(): string | null {
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token');
  return token !== null && token.trim() !== '' ? token.trim() : null;
}
