import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Me } from '../../../../src/modules/identity/contract';
import type { Role } from '../../../../src/platform/permissions';
import { storage } from '../storage';

const STORAGE_KEY = 'passerelle.office';

export interface OfficeAssignment {
  officeId: string;
  officeCode: string;
  officeName: string;
  roles: Role[];
}

/** The user's memberships grouped by office (a user may hold several roles in one office). */
export function officesFromMemberships(memberships: Me['memberships']): OfficeAssignment[] {
  const byOffice = new Map<string, OfficeAssignment>();
  for (const m of memberships) {
    const entry = byOffice.get(m.officeId) ?? {
      officeId: m.officeId,
      officeCode: m.officeCode,
      officeName: m.officeName,
      roles: [],
    };
    if (!entry.roles.includes(m.role)) entry.roles.push(m.role);
    byOffice.set(m.officeId, entry);
  }
  return [...byOffice.values()];
}

interface CurrentOfficeValue {
  offices: OfficeAssignment[];
  current: OfficeAssignment | null;
  select: (officeId: string) => void;
}

const CurrentOfficeContext = createContext<CurrentOfficeValue | null>(null);

export function CurrentOfficeProvider({
  memberships,
  children,
}: {
  memberships: Me['memberships'];
  children: ReactNode;
}) {
  const offices = useMemo(() => officesFromMemberships(memberships), [memberships]);
  const [selectedId, setSelectedId] = useState<string | null>(() => storage.get(STORAGE_KEY));
  const select = useCallback((officeId: string) => {
    storage.set(STORAGE_KEY, officeId);
    setSelectedId(officeId);
  }, []);
  const current = offices.find((o) => o.officeId === selectedId) ?? offices[0] ?? null;
  const value = useMemo(() => ({ offices, current, select }), [offices, current, select]);
  return <CurrentOfficeContext.Provider value={value}>{children}</CurrentOfficeContext.Provider>;
}

export function useCurrentOffice(): CurrentOfficeValue {
  const value = useContext(CurrentOfficeContext);
  if (!value) throw new Error('useCurrentOffice() used outside CurrentOfficeProvider');
  return value;
}
