#!/usr/bin/env node
// npx franceconnect-rehearse --service URL --login PATH --signup PATH --redirect-uri URI
//   --post-logout-redirect-uri URI [--profile PATH] [--delete-account] [--start "…"] …
//
// The qualification's journey against your service (see --help, and docs/rehearsal.md of
// franceconnect-elements). Exit codes: 0 no rule fails, 1 a rule fails, 2 the rehearsal
// could not run (one sentence says why).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// The local FranceConnect is oidc-provider with its in-memory store, on purpose (nothing
// outlives a run), and its Node 20 support is this package's tests' to prove: its start-up
// warnings about both would only confuse the person reading the rehearsal.
const warn = console.warn;
console.warn = (...args) => {
  if (!/oidc-provider WARNING: (?:Unsupported runtime|a quick start development-only in-memory adapter)/.test(String(args[0]))) warn(...args);
};

// Imported once console.warn is in place (oidc-provider warns as it loads).
const { parseOptions, rehearse, RehearsalError, USAGE } = await import('../lib/rehearse.mjs');
const { htmlReport, jsonReport, textSummary } = await import('../lib/report.mjs');

function stop(message) {
  console.error(message);
  process.exit(2);
}

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  if (error instanceof RehearsalError) stop(`${error.message}\n\n${USAGE}`);
  throw error;
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

// Progress on stdout, or on stderr when stdout carries the JSON.
const progress = (line) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
let result;
try {
  result = await rehearse(options, { progress });
} catch (error) {
  if (error instanceof RehearsalError) stop(`Répétition impossible : ${error.message}`);
  stop(`Répétition impossible, erreur inattendue : ${error.stack ?? error}`);
}
let report;
if (options.report) {
  report = resolve(options.report);
  // The command as run, its secret left out: the report is meant to be sent.
  const args = process.argv.slice(2).map((arg, i, all) => (all[i - 1] === '--client-secret' ? '…' : arg.replace(/^(--client-secret=).*/, '$1…')));
  const command = ['npx franceconnect-rehearse', ...args.map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a))].join(' ');
  try {
    await writeFile(report, htmlReport(result, { command }));
  } catch (error) {
    stop(`Le rapport n’a pas pu être écrit dans ${report} : ${error.message}`);
  }
}
if (options.json) console.log(JSON.stringify({ ...jsonReport(result), ...(report ? { report } : {}) }, null, 2));
else console.log(textSummary(result, { report }));
process.exit(result.exitCode);
