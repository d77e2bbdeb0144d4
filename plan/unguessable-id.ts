/**
 * Ids nobody else can guess: run ids (the journal of a run is read by its
 * id, and in class mode a whole room shares one lab) and the ids of the
 * playground's messages to its runner frames. 128 random bits as 32 hex
 * digits, from crypto.getRandomValues, which every page has: class mode
 * serves the playground over plain HTTP on a network address, not a secure
 * context, where crypto.randomUUID does not exist
 * (https://w3c.github.io/webcrypto/#Crypto-method-randomUUID, [SecureContext]).
 * Browser-safe.
 */
export function unguessableId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
