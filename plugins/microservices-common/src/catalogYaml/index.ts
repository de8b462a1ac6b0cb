export * from './parseCatalogYaml';
export * from './validateCatalogEntity';
