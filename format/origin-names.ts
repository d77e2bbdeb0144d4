/**
 * The names of the lab's origins, as an experiment writes them (`pageOrigin`, `target`, `{origin:NAME}`).
 * The format checks them here; plan/origins.ts gives each name its host, port, site and role.
 */
export const ORIGIN_NAMES = ['app', 'api', 'api2', 'partner', 'evil', 'public', 'secure'] as const;
export type OriginName = (typeof ORIGIN_NAMES)[number];

export function isOriginName(value: string): value is OriginName {
  return (ORIGIN_NAMES as readonly string[]).includes(value);
}
