export { LevelProgress, CatalogWarnings } from './LevelProgress';
