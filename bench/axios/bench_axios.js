// The reference for bench_batch (issue 6: "no more CPU per look-up than wechatpay-axios-plugin doing
// the same"): N profit-sharing order look-ups, signed and verified by wechatpay-axios-plugin, with the
// same concurrency, against a fenzhang-sandbox this script starts. Prints look-ups/s and this
// process's CPU time per look-up, in the same form as bench_batch.
//
//   npm install && node bench_axios.js --sandbox PATH/fenzhang-sandbox [--count 1000] [--concurrency 4]

'use strict';

const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { Wechatpay, Rsa } = require('wechatpay-axios-plugin');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

async function main() {
  const count = Number(option('count', 1000));
  const concurrency = Number(option('concurrency', 4));
  const sandbox = spawn(option('sandbox', 'fenzhang-sandbox'), ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve) => readline.createInterface({ input: sandbox.stdout }).once('line', resolve));
  const info = JSON.parse(line);

  const wxpay = new Wechatpay({
    mchid: info.mchid,
    serial: info.serial_no,
    privateKey: Rsa.from(`file://${info.merchant_private_key}`, Rsa.KEY_TYPE_PRIVATE),
    certs: { [info.wechatpay_public_key_id]: Rsa.from(`file://${info.wechatpay_public_key}`, Rsa.KEY_TYPE_PUBLIC) },
    baseURL: info.url,
  });
  const sample = info.samples.order;

  let next = 0;
  let ok = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      try {
        const { data } = await wxpay.v3.profitsharing.orders._out_order_no_.get({
          out_order_no: sample.out_order_no,
          params: { sub_mchid: sample.sub_mchid, transaction_id: sample.transaction_id },
          headers: { 'Wechatpay-Serial': info.wechatpay_public_key_id },
        });
        if (data.state) ok += 1; else failed += 1;
      } catch (error) {
        failed += 1;
        if (failed === 1) console.error(error.message, error.response && error.response.data);
      }
    }
  };

  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  sandbox.kill();

  console.log(`look-ups: ${count}, succeeded ${ok}, failed ${failed}`);
  console.log(`wall: ${Math.round(wallMs)} ms, ${Math.round((count * 1000) / wallMs)} look-ups/s (concurrency ${concurrency})`);
  console.log(`client CPU: ${Math.round(cpuMs)} ms, ${(cpuMs / count).toFixed(3)} ms per look-up`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => { console.error(error); process.exit(1); });
