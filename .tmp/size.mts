import { build } from 'esbuild';
import { shippedBundleOptions } from '/work/wt-social/infra/lambda-bundle.ts';
const r = await build({ ...shippedBundleOptions, entryPoints: [process.argv[2]!], outfile: '/tmp/sz.mjs', metafile: true, write: false });
const inputs = Object.entries(r.metafile.outputs)[0]![1].inputs;
const by: Record<string, number> = {};
for (const [k, v] of Object.entries(inputs)) { const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(k); const key = m ? m[1]! : 'src'; by[key] = (by[key] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${Math.round(v / 1024)}KB`).join('\n'));
