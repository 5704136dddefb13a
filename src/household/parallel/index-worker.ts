/**
 * The household index of pass 1 on a thread of its own: it holds a map of
 * every household id, on a heap of its own that ends with pass 1. The
 * workers send it each piece's ids and member codes directly, so they
 * never pass through the main thread, whose heap grows lazily.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { HouseholdIndex } from '../household-index.js';
import { BLANK_ROW, type IndexRows } from './protocol.js';

export interface IndexStart {
  kind: 'ports';
  /** One port per worker: pieces come from any of them, numbered by `seq`. */
  ports: MessagePort[];
}

export interface IndexFinish {
  kind: 'finish';
  /** How many pieces there are. */
  pieces: number;
}

export interface IndexResult {
  rowHousehold: Int32Array;
  states: Int32Array;
}

const index = new HouseholdIndex();
/** Pieces that came before their turn. */
const early = new Map<number, IndexRows>();
let next = 0;
let finishAt = -1;

function add(piece: IndexRows): void {
  const { numbers, ids, codes } = piece;
  let k = 0;
  for (let i = 0; i < piece.rows; i++) {
    if (codes[i] === BLANK_ROW) index.skip();
    else if (!Number.isNaN(numbers[i])) index.addNumber(numbers[i], codes[i]);
    else index.add(ids[k++], codes[i]);
  }
}

function maybeFinish(): void {
  if (next !== finishAt) return;
  const { rowHousehold, states } = index.finish();
  // Own buffers of exact length, so they can be handed over whole.
  const result: IndexResult = { rowHousehold: rowHousehold.slice(), states: states.slice() };
  parentPort!.postMessage(result, [result.rowHousehold.buffer as ArrayBuffer, result.states.buffer as ArrayBuffer]);
}

function receive(piece: IndexRows): void {
  early.set(piece.seq, piece);
  for (let p = early.get(next); p; p = early.get(next)) {
    early.delete(next);
    add(p);
    next++;
  }
  maybeFinish();
}

parentPort!.on('message', (message: IndexStart | IndexFinish) => {
  if (message.kind === 'ports') {
    for (const port of message.ports) port.on('message', receive);
    return;
  }
  finishAt = message.pieces;
  maybeFinish();
});
