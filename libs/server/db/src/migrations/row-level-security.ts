/**
 * The walls between clinics, shared by every migration that creates a tenant table: row-level
 * security enabled and forced (so even the owner obeys it), and a policy that fails closed when
 * no clinic is set.
 */
export const CURRENT_CLINIC = `NULLIF(current_setting('app.clinic_id', true), '')::uuid`;

export function protect(table: string, column = 'clinic_id'): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (${column} = ${CURRENT_CLINIC}) WITH CHECK (${column} = ${CURRENT_CLINIC})`,
  ];
}
