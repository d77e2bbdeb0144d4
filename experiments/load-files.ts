/** Reads experiment files and folders of them (*.json), validated with file and JSON path in every message. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Experiment } from './schema.ts';
import { ExperimentError, validateExperiments } from './validate.ts';

async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? jsonFilesIn(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.json') ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** The files named, with folders expanded to the *.json files below them. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
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
    } catch {
      problems.push(`${path}: no such file or folder`);
    }
  }
  if (problems.length) throw new ExperimentError(problems);
  return files;
}

export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExperimentError([`${source}: invalid JSON: ${(error as Error).message}`]);
  }
}

/** Loads every experiment; all problems of all files are reported together. */
export async function loadExperimentFiles(paths: readonly string[]): Promise<Experiment[]> {
  const files = await expandPaths(paths);
  const seen = new Map<string, string>();
  const experiments: Experiment[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      experiments.push(...validateExperiments(parseJson(await readFile(file, 'utf8'), file), file, seen));
    } catch (error) {
      if (error instanceof ExperimentError) problems.push(...error.problems);
      else problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new ExperimentError(problems);
  return experiments;
}
