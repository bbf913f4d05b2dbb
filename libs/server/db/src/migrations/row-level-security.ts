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

/**
 * Grants EXECUTE on a platform (SECURITY DEFINER) function to the roles that may use `table`,
 * which is how the app role is recognised without naming it.
 */
export function grantExecuteLike(signature: string, table: string): string {
  return `DO $$ DECLARE grantee text; BEGIN
     FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
       WHERE g.table_name = '${table}' AND g.grantee <> current_user LOOP
       EXECUTE format('GRANT EXECUTE ON FUNCTION ${signature} TO %I', grantee);
     END LOOP;
   END $$`;
}
