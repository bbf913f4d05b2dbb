import { createContext, useContext } from 'react';

import type { Couple, Me, Partner } from '../api/client-api';

export interface ClientSession {
  me: Me;
  couple: Couple;
  /** The other partner of the couple (undefined only while an invitation is pending). */
  partner: Partner | undefined;
}

export const ClientSessionContext = createContext<ClientSession | null>(null);

/** The signed-in partner and their couple; only valid inside <ClientGate>. */
export function useClientSession(): ClientSession {
  const session = useContext(ClientSessionContext);
  if (session === null) throw new Error('useClientSession must be used inside <ClientGate>');
  return session;
}
