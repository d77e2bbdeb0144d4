/**
 * The values of a request's mode and credentials mode (https://fetch.spec.whatwg.org/#concept-request-mode,
 * https://fetch.spec.whatwg.org/#concept-request-credentials-mode), in a module without the schema's validator
 * so that `cors-lab probe --help` prints them without loading it.
 */
export const MODES = ['cors', 'no-cors', 'same-origin'] as const;
export const CREDENTIALS = ['omit', 'same-origin', 'include'] as const;
