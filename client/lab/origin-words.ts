/**
 * The origins table's words (plan/origins.ts `role` and `about`) in the
 * page's language. The English here must stay the table's own:
 * origin-words.test.ts holds them to it.
 */
import { msg } from '@lit/localize';
import type { LabOrigin, OriginName, OriginRole } from '../../plan/origins.ts';

const ROLES: Record<OriginRole, () => string> = {
  page: () => msg('page', { id: 'origins.role.page' }),
  api: () => msg('api', { id: 'origins.role.api' }),
  partner: () => msg('partner', { id: 'origins.role.partner' }),
  attacker: () => msg('attacker', { id: 'origins.role.attacker' }),
  public: () => msg('public', { id: 'origins.role.public' }),
  secure: () => msg('secure', { id: 'origins.role.secure' }),
};

const ABOUT: Record<OriginName, () => string> = {
  app: () => msg('the page: the playground runs here', { id: 'origins.about.app' }),
  api: () => msg('an API on the same site as app, another port: cross-origin', { id: 'origins.about.api' }),
  api2: () => msg('a second API on the same site, for redirects between origins', { id: 'origins.about.api2' }),
  partner: () => msg('a partner on another site', { id: 'origins.about.partner' }),
  evil: () => msg('the attacker, on another site', { id: 'origins.about.evil' }),
  public: () => msg('a page "on the public internet" for Local Network Access (public only in the headless runner)', { id: 'origins.about.public' }),
  secure: () => msg("https on loopback with the lab's own certificate authority, HTTP/2 (trust it in your browser: cors-lab ca --path)", { id: 'origins.about.secure' }),
};

export const originRole = (o: Pick<LabOrigin, 'role'>): string => ROLES[o.role]();
export const originAbout = (o: Pick<LabOrigin, 'name'>): string => ABOUT[o.name]();
