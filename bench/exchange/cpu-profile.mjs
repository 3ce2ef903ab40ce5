// Preloaded into the benchmark's servers by `lookup.bench.ts --profile <dir>` (NODE_OPTIONS=--import;
// node refuses --cpu-prof in NODE_OPTIONS): samples the main thread every 0.5 ms and writes
// <dir>/cpu-<pid>-<time>.cpuprofile when the process exits. Open it in Chrome DevTools or speedscope.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.LANDAO_CPU_PROFILE_DIR;
if (isMainThread && dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // An in-thread session answers synchronously, so the profile is written before the process ends.
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `cpu-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
