/**
 * `cors-lab ca`: the lab's certificate authority, which signs the `secure` origin's certificate. It is
 * made on first use in the user's config folder (servers/config-folder.ts) and never leaves the machine:
 * this command prints where the CA certificate is and how to trust it, never a key.
 */
import { labCertificates } from '../../servers/certificate-store.ts';
import { CONFIG_DIR_ENV, configFolder } from '../../servers/config-folder.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';

export const CA_HELP = `cors-lab ca [--path]
  The lab's certificate authority for the secure origin (https://localhost), made on first use in
  your config folder (${CONFIG_DIR_ENV} overrides it). Prints its certificate file and how to trust it.
  --path  print only the certificate file's path (for scripts)`;

/** How to trust the CA file, per system and browser: short, the details are each vendor's. */
export function trustSteps(caPath: string): string {
  return [
    `The lab's CA certificate: ${caPath}`,
    'It may sign only for localhost, 127.0.0.1 and ::1 (name constraints), and its key stays in that folder.',
    'To open the secure origin in your own browser, trust it once:',
    `  Chrome or Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import (${caPath}), trust it for websites.`,
    `  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import (${caPath}), "trust this CA to identify websites".`,
    `  macOS (Safari, Chrome): sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${caPath}"`,
    `  Debian or Ubuntu (system-wide): sudo cp "${caPath}" /usr/local/share/ca-certificates/cors-lab.crt && sudo update-ca-certificates`,
    `  Windows: certutil -user -addstore Root "${caPath}"`,
    'Without it the playground marks the secure experiments "cannot run here"; cors-lab run trusts it by itself.',
  ].join('\n');
}

export async function caCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('ca', args, { path: { type: 'boolean' }, help: { type: 'boolean' } }, false);
  if (values.help) return void io.out(`${CA_HELP}\n`), 0;
  const certificates = await labCertificates(configFolder());
  for (const message of certificates.messages) io.err(`cors-lab: ${message}\n`);
  io.out(values.path ? `${certificates.caPath}\n` : `${trustSteps(certificates.caPath)}\n`);
  return 0;
}
