import { demoScenario, runPeriod } from './src/index.js';
const people = 50_000, scale = 0.5;
const scenario = demoScenario({ people, tickets: 1_000_000, ratings: 250_000, revenueFacts: 500_000 });
runPeriod(scenario);
const t = performance.now();
runPeriod(scenario);
console.log('run', (performance.now() - t).toFixed(0), 'ms');
void scale;
