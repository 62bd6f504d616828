/**
 * What a preset changed, as a list of operations on the project's JSON, so it can be taken back out later
 * even after other edits: lists of things with an `id` (tracks, buses, clips, sends by bus id) are matched by id,
 * everything else by key.
 */

/** One step of a path: an object key, or the item of a list whose id (or busId) is given. */
export type PathStep = string | { readonly id: string };
export type Path = readonly PathStep[];

export type Op =
  | { readonly op: 'set'; readonly path: Path; readonly before: unknown; readonly after: unknown }
  | { readonly op: 'insert'; readonly path: Path; readonly id: string; readonly index: number; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: Path; readonly id: string; readonly index: number; readonly value: unknown };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key of a list item: its id, or a send's bus id. */
function keyOf(v: unknown): string | null {
  if (!isObj(v)) return null;
  if (typeof v.id === 'string') return v.id;
  if (typeof v.busId === 'string') return `bus:${v.busId}`;
  return null;
}

const isKeyedList = (v: unknown[]): boolean => v.length > 0 && v.every((x) => keyOf(x) !== null);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The operations that turn `a` into `b`. */
export function diff(a: unknown, b: unknown, path: Path = []): Op[] {
  if (a === b) return [];
  if (isObj(a) && isObj(b)) {
    const ops: Op[] = [];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) ops.push(...diff(a[k], b[k], [...path, k]));
    return ops;
  }
  if (Array.isArray(a) && Array.isArray(b) && (isKeyedList(a) || a.length === 0) && (isKeyedList(b) || b.length === 0) && (a.length > 0 || b.length > 0)) {
    const ops: Op[] = [];
    const inA = new Map(a.map((x, i) => [keyOf(x) as string, { x, i }]));
    const inB = new Map(b.map((x, i) => [keyOf(x) as string, { x, i }]));
    for (const [id, { x, i }] of inA) if (!inB.has(id)) ops.push({ op: 'remove', path, id, index: i, value: x });
    for (const [id, { x, i }] of inB) {
      const old = inA.get(id);
      if (!old) ops.push({ op: 'insert', path, id, index: i, value: x });
      else ops.push(...diff(old.x, x, [...path, { id }]));
    }
    return ops;
  }
  return deepEqual(a, b) ? [] : [{ op: 'set', path, before: a, after: b }];
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path) {
    if (typeof step === 'string') node = isObj(node) ? node[step] : undefined;
    else node = Array.isArray(node) ? node.find((x) => keyOf(x) === step.id) : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A copy of root with the value at path replaced by fn(old); unchanged when the path does not exist. */
function updateAt(root: unknown, path: Path, fn: (old: unknown) => unknown): unknown {
  if (path.length === 0) return fn(root);
  const [step, ...rest] = path as [PathStep, ...PathStep[]];
  if (typeof step === 'string') {
    if (!isObj(root) || !(step in root)) return root;
    const next = updateAt(root[step], rest, fn);
    return next === root[step] ? root : { ...root, [step]: next };
  }
  if (!Array.isArray(root)) return root;
  const i = root.findIndex((x) => keyOf(x) === step.id);
  if (i < 0) return root;
  const next = updateAt(root[i], rest, fn);
  if (next === root[i]) return root;
  const copy = [...root];
  copy[i] = next;
  return copy;
}

/**
 * Takes the operations back out of `current`, newest first. A value the user has changed since is left as the
 * user made it; an inserted item the user has since deleted stays deleted. With no edits in between, the result
 * deep-equals the project before the operations.
 */
export function revert<T>(current: T, ops: readonly Op[]): T {
  let root: unknown = current;
  for (const op of [...ops].reverse()) {
    if (op.op === 'set') {
      root = updateAt(root, op.path, (old) => (deepEqual(old, op.after) ? op.before : old));
    } else if (op.op === 'insert') {
      root = updateAt(root, op.path, (list) => (Array.isArray(list) ? list.filter((x) => keyOf(x) !== op.id) : list));
    } else {
      root = updateAt(root, op.path, (list) => {
        if (!Array.isArray(list) || list.some((x) => keyOf(x) === op.id)) return list;
        const copy = [...list];
        copy.splice(Math.min(op.index, copy.length), 0, op.value);
        return copy;
      });
    }
  }
  return root as T;
}

/** Whether a path exists in root (for tests and for explaining what a preset touched). */
export function hasPath(root: unknown, path: Path): boolean {
  return getAt(root, path) !== undefined;
}
