export { LandscapeFiguresCard } from './LandscapeFiguresCard';
