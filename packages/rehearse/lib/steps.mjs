// How a rehearsal runs its steps and sums up its rules, whichever provider it rehearses.
import { RehearsalError } from './errors.mjs';

/** Worst first: the status of a rule is the worst of its findings. */
export const ORDER = ['fail', 'warn', 'pass', 'not-applicable', 'not-checked'];

const seconds = (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/**
 * The step runner of a journey: `step(title, rules, run)` runs `run({ found, shot })`, keeps
 * its findings and screenshots in `result`, turns an unexpected error into a failure of its
 * first rule, and says one progress line `[i/n] ✔ title (règles …) — 1,2 s`.
 */
export function stepper({ result, planned, progress }) {
  let index = 0;
  return async (title, rules, run) => {
    index += 1;
    const record = { title, rules, findings: [], screenshots: [], startedAt: Date.now() };
    result.steps.push(record);
    const found = (finding) => {
      record.findings.push(finding);
      result.findings.push(finding);
    };
    const shot = (shotOrPromise) => Promise.resolve(shotOrPromise).then((s) => s && record.screenshots.push(s));
    try {
      await run({ found, shot });
    } catch (error) {
      if (error instanceof RehearsalError) throw error;
      // What the step could not finish is the rule's failure, said with where it stopped.
      found({ rule: rules[0], status: 'fail', message: `La répétition n’a pas pu finir cette étape : ${error.message.split('\n')[0]}`, evidence: {} });
    }
    record.durationMs = Date.now() - record.startedAt;
    const worst = ORDER.find((s) => record.findings.some((f) => f.status === s)) ?? 'not-checked';
    record.status = worst;
    const mark = { fail: '✘', warn: '!', pass: '✔', 'not-applicable': '–', 'not-checked': '–' }[worst];
    const failing = record.findings.filter((f) => f.status === 'fail').map((f) => f.rule);
    progress(`[${index}/${planned.length}] ${mark} ${title} (règle${rules.length > 1 ? 's' : ''} ${rules.join(', ')})${failing.length ? ` : échec règle ${[...new Set(failing)].join(', ')}` : ''} — ${seconds(record.durationMs)}`);
  };
}

/** Each rule of `titles` with its status, the worst of its findings. */
export function ruleStatuses(titles, findings, key = (rule) => rule) {
  return Object.entries(titles).map(([rule, title]) => {
    const own = findings.filter((f) => f.rule === key(rule));
    const status = ORDER.find((s) => own.some((f) => f.status === s)) ?? 'not-checked';
    return { rule: key(rule), title, status };
  });
}
