import { validateExperiments } from '/work/wt/breadth/experiments/validate.ts';
import { consoleAgrees, disagreements } from '/work/wt/breadth/runner/agreement.ts';
import { runExperiments } from '/work/wt/breadth/runner/run-experiments.ts';
import { wptCases } from '/work/wt/breadth/test/probes/wpt-cases.ts';
import { startLab } from '/work/wt/breadth/servers/lab.ts';
import { launchChromium } from '/work/wt/breadth/runner/launch.ts';
const groups = process.argv.slice(2);
const probes = validateExperiments([...wptCases], 'p').filter((p) => groups.includes(p.group.replace('probe-', '')));
const lab = await startLab();
const browser = await launchChromium();
const t = performance.now();
const report = await runExperiments(probes, lab, browser, { concurrency: 3 });
let bad = 0;
report.results.forEach((result, i) => {
  const xhr = probes[i]?.request.api === 'xhr';
  [result, ...result.steps].forEach((step, k) => {
    const where = `${result.id}${k ? ` then[${k - 1}]` : ''} (${probes[i]?.title})`;
    const d = disagreements(step.predicted, step.observed, xhr);
    if (!consoleAgrees(step.predicted, step.explanation?.console, step.observed)) d.push(`console: predicted ${step.explanation?.console}, observed ${step.observed.console}`);
    if (d.length) { bad++; console.log(where, '\n   ', d.join('\n    ')); }
  });
});
console.log(probes.length, 'cases', bad, 'disagreeing steps', ((performance.now() - t) / 1000).toFixed(1), 's');
await browser.close(); await lab.close();
