/**
 * WebKit's prefix for a security message written to the console (enable-write-console-messages-to-stdout): WebKitGTK
 * writes it before each CORS sentence (webkit-sentences.ts). Apart from the sentences, so a page that only shows a
 * line (client/lab/shown-console-line.ts) does not download them.
 */
export const SECURITY_LINE = 'CONSOLE SECURITY ERROR ';
