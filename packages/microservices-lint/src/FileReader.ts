import fs from 'node:fs';
import { errorMessage } from './errorMessage';

/** What the linter needs to know about a path before reading it. */
export interface FileStats {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * The file system as the linter sees it: the real one in the command, a
 * fake or a spy in tests. Every method may throw a Node.js system error
 * (with `code`, e.g. `ENOENT`).
 */
export interface FileReader {
  /** Follows symbolic links. */
  stat(path: string): FileStats;
  /** The names of a folder's entries. */
  readdir(path: string): string[];
  /** The whole file as UTF-8 text. */
  readFile(path: string): string;
  /** The canonical path, to visit each file and folder once. */
  realpath(path: string): string;
}

/** The real file system. */
export const nodeFileReader: FileReader = {
  stat: path => fs.statSync(path),
  readdir: path => fs.readdirSync(path),
  readFile: path => fs.readFileSync(path, 'utf8'),
  realpath: path => fs.realpathSync(path),
};

/** A system error's explanation without the syscall noise, e.g. "no such file or folder". */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot read it (${errorMessage(error)})`;
  }
}
