import type { Entity } from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

/** Real-world catalogs written by others, copied verbatim (see test-data/README.md). */
export const CORPORA_DIR = path.resolve(
  __dirname,
  '../../../../../test-data/catalogs',
);

function isEntity(value: unknown): value is Entity {
  const candidate = value as Partial<Entity> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.apiVersion === 'string' &&
    typeof candidate.kind === 'string' &&
    typeof candidate.metadata === 'object'
  );
}

function readEntities(file: string): unknown[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).flatMap(document =>
    'toJS' in document ? [document.toJS({ maxAliasCount: -1 })] : [],
  );
}

/** The entities of a corpus, following its `all.yaml` Location targets in order. */
export function loadCorpus(name: string): Entity[] {
  const dir = path.join(CORPORA_DIR, name);
  const [index] = readEntities(path.join(dir, 'all.yaml')) as Entity[];
  const targets = (index.spec?.targets ?? []) as string[];
  return targets.flatMap(target =>
    readEntities(path.resolve(dir, target)).filter(isEntity),
  );
}
