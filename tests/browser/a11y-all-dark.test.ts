import { describe } from 'vitest';
import { sweep } from './a11y-sweep.ts';

describe('accessibility of every page, dark theme', () => sweep('dark'));
