export { randomInt, seededRandom } from './seededRandom.ts';
