/**
 * Property tests run with a fixed seed so CI is repeatable; set FC_SEED to
 * another number, or to "random", to explore new inputs locally.
 */
import fc from 'fast-check';

const wanted = process.env.FC_SEED;
if (wanted !== 'random') fc.configureGlobal({ seed: wanted ? Number(wanted) : 20250601 });
