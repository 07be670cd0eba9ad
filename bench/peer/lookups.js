#!/usr/bin/env node
// The peer in bench/run: the same order look-ups as bench_lookups, made with wechatpay-axios-plugin
// (signing each request, verifying each answer with the WeChat Pay public key, as it does by
// default) against the same fenzhang-sandbox, J in flight. Prints one JSON line per figure, like
// the C++ benchmarks. CPU is this process's own (process.cpuUsage), measured around the timed
// look-ups only, after a warm-up of J look-ups, exactly as bench_lookups does.
//
//   node lookups.js --info SANDBOX_JSON_FILE [--count N] [--jobs J] [--runs R]
'use strict';

const { readFileSync } = require('node:fs');
const { Wechatpay } = require('wechatpay-axios-plugin');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

function report(metric, value, unit) {
  console.log(JSON.stringify({ metric, value, unit }));
}

async function runLookups(wxpay, sample, count, jobs) {
  let started = 0;
  let failed = 0;
  let firstFailure = '';
  const one = async () => {
    while (started < count) {
      started += 1;
      try {
        const { status, data } = await wxpay.v3.profitsharing.orders._out_order_no_.get({
          params: { sub_mchid: sample.sub_mchid, transaction_id: sample.transaction_id },
          out_order_no: sample.out_order_no,
        });
        if (status !== 200 || data.out_order_no !== sample.out_order_no) throw new Error(`status ${status}`);
      } catch (error) {
        failed += 1;
        if (!firstFailure) firstFailure = String(error && error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, count) }, one));
  return { failed, firstFailure };
}

async function main() {
  const infoFile = option('info');
  if (!infoFile) {
    console.error('usage: node lookups.js --info SANDBOX_JSON_FILE [--count N] [--jobs J] [--runs R]');
    process.exit(2);
  }
  const info = JSON.parse(readFileSync(infoFile, 'utf8').split('\n')[0]);
  const count = Number(option('count', 1000));
  const jobs = Number(option('jobs', 32));
  const runs = Number(option('runs', 1));
  const wxpay = new Wechatpay({
    mchid: info.mchid,
    serial: info.serial_no,
    privateKey: readFileSync(info.merchant_private_key, 'utf8'),
    certs: { [info.wechatpay_public_key_id]: readFileSync(info.wechatpay_public_key, 'utf8') },
    baseURL: `${info.url}/`,
  });
  const sample = info.samples.order;

  const warm = await runLookups(wxpay, sample, jobs, jobs);
  if (warm.failed) {
    console.error(`peer: warm-up failed: ${warm.firstFailure}`);
    process.exit(1);
  }
  let exitCode = 0;
  for (let run = 0; run < runs; run += 1) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = process.hrtime.bigint();
    const outcome = await runLookups(wxpay, sample, count, jobs);
    const wallMs = Number(process.hrtime.bigint() - wallBefore) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    if (outcome.failed) {
      console.error(`peer: ${outcome.failed} of ${count} failed, first: ${outcome.firstFailure}`);
      exitCode = 1;
    }
    report('peer_lookups_wall_ms', wallMs, 'ms');
    report('peer_lookups_per_s', (count * 1000) / wallMs, '/s');
    report('peer_cpu_ms_per_lookup', (cpu.user + cpu.system) / 1000 / count, 'ms');
  }
  process.exit(exitCode);
}

main();
