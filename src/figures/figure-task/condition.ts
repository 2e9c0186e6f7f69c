/**
 * The goal of a self-checking exercise (components/FigureTask.astro), with no DOM: a
 * data attribute of a live figure's root compared with a value. The page re-tests the
 * condition whenever the attribute changes; this module decides whether it holds and
 * refuses, at build time, a condition that could never be tested.
 *
 *   equals    the attribute is the value (numerically when the value is a number)
 *   above     the attribute is a number greater than the value
 *   below     the attribute is a number less than the value
 *   includes  the attribute's text contains the value
 */

export const TASK_OPS = ['equals', 'above', 'below', 'includes'] as const;
export type TaskOp = (typeof TASK_OPS)[number];

export interface TaskCondition {
  /** The figure's id, as given to FigureShell (the root is `#fig-<id>`, `[data-figure-id="<id>"]`). */
  figure: string;
  /** The data attribute of the figure root, without `data-`: `loss` for data-loss, `saliency-share`. */
  attr: string;
  op: TaskOp;
  value: string | number;
}

const ID = /^[a-z][a-z0-9-]*$/;
const ATTR = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Every problem with a condition, as sentences naming the prop; empty when it is valid. */
export function conditionProblems(c: { figure?: unknown; attr?: unknown; op?: unknown; value?: unknown }): string[] {
  const problems: string[] = [];
  if (typeof c.figure !== 'string' || !ID.test(c.figure)) {
    problems.push(`figure must be a figure id such as "xor" (lowercase letters, digits, hyphens), got ${JSON.stringify(c.figure)}`);
  }
  if (typeof c.attr !== 'string' || !ATTR.test(c.attr) || c.attr.startsWith('data-')) {
    const hint = typeof c.attr === 'string' && c.attr.startsWith('data-') ? ` (leave out "data-": "${c.attr.slice(5)}")` : '';
    problems.push(`attr must name a data attribute in kebab case, such as "loss" or "saliency-share", got ${JSON.stringify(c.attr)}${hint}`);
  }
  if (!TASK_OPS.includes(c.op as TaskOp)) {
    problems.push(`condition must be one of ${TASK_OPS.join(', ')}, got ${JSON.stringify(c.op)}`);
  } else if (c.op === 'above' || c.op === 'below') {
    if (typeof c.value !== 'number' || !Number.isFinite(c.value)) problems.push(`condition "${c.op}" needs a finite number as value, got ${JSON.stringify(c.value)}`);
  } else if (c.op === 'includes') {
    if (typeof c.value !== 'string' || c.value === '') problems.push(`condition "includes" needs a non-empty string as value, got ${JSON.stringify(c.value)}`);
  } else if (!(typeof c.value === 'string' || (typeof c.value === 'number' && Number.isFinite(c.value)))) {
    problems.push(`condition "equals" needs a string or a finite number as value, got ${JSON.stringify(c.value)}`);
  }
  return problems;
}

/** The condition, checked; throws one Error listing every problem, prefixed by `where`. */
export function validateCondition(c: { figure?: unknown; attr?: unknown; op?: unknown; value?: unknown }, where = 'FigureTask'): TaskCondition {
  const problems = conditionProblems(c);
  if (problems.length) throw new Error(`${where}: ${problems.join('; ')}`);
  return c as TaskCondition;
}

/**
 * Whether the attribute's current text (`null` when the figure has not set it) meets the
 * condition. A number that does not parse, or NaN, never meets above/below; Infinity
 * is above every finite value (a loss that overflowed is above any threshold).
 */
export function conditionMet(c: Pick<TaskCondition, 'op' | 'value'>, raw: string | null | undefined): boolean {
  if (raw == null) return false;
  const text = raw.trim();
  switch (c.op) {
    case 'equals':
      if (typeof c.value === 'number') return text !== '' && Number(text) === c.value;
      return text === c.value;
    case 'includes':
      return text.includes(String(c.value));
    case 'above':
    case 'below': {
      if (text === '') return false;
      const x = Number(text);
      if (Number.isNaN(x)) return false;
      return c.op === 'above' ? x > Number(c.value) : x < Number(c.value);
    }
  }
}

/** The element attributes that carry a condition to the page, and back. */
export function conditionToDataset(c: TaskCondition): Record<string, string> {
  return {
    'data-figure': c.figure,
    'data-attr': c.attr,
    'data-op': c.op,
    'data-value': String(c.value),
    'data-value-type': typeof c.value === 'number' ? 'number' : 'string',
  };
}

export function conditionFromDataset(d: Record<string, string | undefined>): TaskCondition {
  const value = d.valueType === 'number' ? Number(d.value) : (d.value ?? '');
  return validateCondition({ figure: d.figure, attr: d.attr, op: d.op, value }, 'figure-task');
}
