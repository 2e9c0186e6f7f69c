import { openLab } from '/work/main/scripts/bench/lab-session.mjs';
const [scenario, json] = process.argv.slice(2);
const lab = await openLab({ port: 4341, log: console.log });
try {
  const t0 = Date.now();
  const r = await lab.run(scenario, JSON.parse(json));
  console.log(JSON.stringify(r, null, 1));
  console.log('wall', (Date.now() - t0) / 1000);
  console.log(lab.problems);
} catch (e) { console.log('ERR', e.message); console.log(await lab.page.evaluate(() => window.lab.log.join('\n'))); }
finally { await lab.close(); }
