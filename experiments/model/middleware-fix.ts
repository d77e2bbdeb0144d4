/**
 * The fix for a server that answers through a real CORS middleware
 * (`server.middleware`): its headers come from the middleware's options, so
 * the fix changes an option, never a header line. Which option governs which
 * header follows each package's documentation (cors-middleware-options.ts).
 */
import type { MiddlewarePlan } from '../../format/middleware-options.ts';
import { modelMessages, type ModelMessages } from './messages/index.ts';
import { DEFAULT_METHODS, OPTION_NAMES } from './cors-middleware-options.ts';

/** A JSON value a middleware option takes. */
export type OptionValue = string | boolean | string[];

/** One option change, as the fix reports it. */
export interface OptionChange {
  option: string;
  value: OptionValue;
  why: string;
}

/** What the failed check was about, in the middleware's terms. */
export interface MiddlewareBlock {
  /** The reason without a "Preflight" prefix. */
  reason: string;
  /** The Origin the request carried, written as `{page}` when it is the page's. */
  origin: string;
  /** The method or header names the preflight asked for. */
  asked: string[];
  /** The request is sent with credentials mode "include". */
  include: boolean;
}

/** The option's list (a string option is comma-separated, as Express reads it), or undefined when unset. */
function listOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
  return undefined;
}

function withAdded(list: readonly string[], wanted: readonly string[]): string[] {
  const lower = list.map((v) => v.toLowerCase());
  return [...list, ...wanted.filter((w) => !lower.includes(w.toLowerCase()))];
}

/** The option changes that get past one blocked check, or why no option can. */
export function middlewareChanges(middleware: MiddlewarePlan, block: MiddlewareBlock, say: ModelMessages['middleware'] = modelMessages('en').middleware): OptionChange[] | string {
  const options: Record<string, unknown> = { ...(middleware.options ?? {}) };
  const optionNames = OPTION_NAMES[middleware.name];
  const names = { methods: optionNames['access-control-allow-methods'], headers: optionNames['access-control-allow-headers'] };
  // A list option left unset is the package's default: the fix extends it rather than replacing it.
  const defaultMethods = [...(DEFAULT_METHODS[middleware.name][0] ?? [])];
  const credentials = (): OptionChange[] =>
    block.include && options.credentials !== true ? [{ option: 'credentials', value: true, why: say.credentials() }] : [];
  switch (block.reason) {
    case 'MissingAllowOriginHeader':
    case 'AllowOriginMismatch':
    case 'WildcardOriginNotAllowed':
    case 'MultipleAllowOriginValues':
    case 'InvalidAllowOriginValue': {
      // `true` (Express) reflects any origin, `*` allows none with credentials: list the origin by name.
      // One origin string is one origin (an Express regular expression may hold a comma), not a list.
      const current = (Array.isArray(options.origin) ? options.origin.map(String) : typeof options.origin === 'string' ? [options.origin] : []).filter((o) => o !== '*');
      const origin = withAdded(current, [block.origin]);
      const changes: OptionChange[] = [{ option: 'origin', value: origin, why: say.allowOrigin(block.origin, block.include) }];
      return [...changes, ...credentials()];
    }
    case 'InvalidAllowCredentials':
      return credentials().length ? credentials() : say.credentialsRefused(block.reason);
    case 'InvalidStatus':
      return options.preflightContinue === true
        ? [{ option: 'preflightContinue', value: false, why: say.preflightContinue() }]
        : say.routeStatus(middleware.name);
    case 'MethodDisallowedByPreflightResponse':
    case 'InvalidAllowMethodsPreflightResponse':
      return [{ option: names.methods, value: withAdded(listOf(options[names.methods]) ?? defaultMethods, block.asked), why: say.listNames(block.asked.join(', ')) }];
    case 'HeaderDisallowedByPreflightResponse':
    case 'InvalidAllowHeadersPreflightResponse':
      return [{ option: names.headers, value: withAdded(listOf(options[names.headers]) ?? [], block.asked), why: say.listNames(block.asked.join(', ')) }];
    default:
      return say.unknown(middleware.name, block.reason);
  }
}

/** The plan's middleware with the option changes applied. */
export function withOptions(middleware: MiddlewarePlan, changes: readonly OptionChange[]): MiddlewarePlan {
  const options: Record<string, unknown> = { ...(middleware.options ?? {}) };
  for (const change of changes) options[change.option] = change.value;
  // The changes are built from the option schema's own names and value shapes.
  return { ...middleware, options } as MiddlewarePlan;
}
