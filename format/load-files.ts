/** Reads experiment files and folders of them (*.json), validated with file and JSON path in every message. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findJsonSyntaxProblem, positionAt, topLevelObjectLines } from './json-syntax.ts';
import type { Experiment } from './schema.ts';
import { ExperimentError, validateExperiments } from './validate.ts';

/** A file system error in words: missing and unreadable are different problems with different fixes. */
function fsProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `${path}: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path}: is a folder`;
  return `${path}: cannot read: ${code ?? (error as Error).message}`;
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new ExperimentError([fsProblem(dir, error)]);
  });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? jsonFilesIn(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.json') ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** The files named, with folders expanded to the *.json files below them, and what could not be read. */
async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (!info.isDirectory()) files.push(path);
      else {
        const inDir = await jsonFilesIn(path);
        if (inDir.length === 0) problems.push(`${path}: no .json files in this folder`);
        files.push(...inDir);
      }
    } catch (error) {
      problems.push(...(error instanceof ExperimentError ? error.problems : [fsProblem(path, error)]));
    }
  }
  return { files, problems };
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence
 * (RFC 3629 section 4: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * The text of a file that must be UTF-8 (RFC 8259 section 8.1): a leading
 * byte order mark is dropped, as editors on Windows write one; a byte that is
 * not UTF-8 is refused with its line and column rather than turned into U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  const bad = firstBadUtf8Byte(bytes);
  if (bad === -1) return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const { line, column } = positionAt(new TextDecoder('utf-8').decode(bytes.subarray(0, bad)), Infinity);
  throw new ExperimentError([`${source}:${line}:${column}: not UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}): save the file as UTF-8`]);
}

export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    if (!problem) throw error;
    throw new ExperimentError([`${source}:${problem.line}:${problem.column}: invalid JSON: ${problem.message}`]);
  }
}

/** An experiment and where it was written: CI annotations point there. */
export interface LoadedExperiment {
  experiment: Experiment;
  file: string;
  /** 1-based line of the experiment's opening brace. */
  line: number;
}

/** Loads every experiment with its file and line; all problems of all files are reported together. */
export async function loadExperimentSources(paths: readonly string[]): Promise<LoadedExperiment[]> {
  const { files, problems } = await expandPaths(paths);
  const seen = new Map<string, string>();
  const loaded: LoadedExperiment[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new ExperimentError([fsProblem(file, error)]);
      });
      const text = decodeUtf8(bytes, file);
      const lines = topLevelObjectLines(text);
      validateExperiments(parseJson(text, file), file, seen).forEach((experiment, i) => loaded.push({ experiment, file, line: lines[i] ?? 1 }));
    } catch (error) {
      if (error instanceof ExperimentError) problems.push(...error.problems);
      else problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new ExperimentError(problems);
  return loaded;
}

/** Loads every experiment; all problems of all files are reported together. */
export async function loadExperimentFiles(paths: readonly string[]): Promise<Experiment[]> {
  return (await loadExperimentSources(paths)).map((loaded) => loaded.experiment);
}
