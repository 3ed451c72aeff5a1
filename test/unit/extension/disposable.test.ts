// Every listener owned: what a Disposable registers ends with it, once; a
// DisposableStore is cleared and filled again (a watcher replaced).

import * as assert from 'node:assert/strict';
import { Disposable, DisposableStore, disposeAll } from '../../../src/extension/disposable';

class Counter {
  count = 0;
  dispose(): void {
    this.count++;
  }
}

class Owner extends Disposable {
  own<T extends { dispose(): void }>(value: T): T {
    return this._register(value);
  }
  ownAll(...values: Array<{ dispose(): void }>): void {
    this._registerAll(...values);
  }
  get gone(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what it registered, once, however often it is disposed', () => {
    const owner = new Owner();
    const [a, b, c] = [new Counter(), new Counter(), new Counter()];
    assert.equal(owner.own(a), a);
    owner.ownAll(b, c);
    owner.dispose();
    owner.dispose();
    assert.deepEqual([a.count, b.count, c.count], [1, 1, 1]);
    assert.equal(owner.gone, true);
  });

  it('disposes at once what is registered after it is disposed', () => {
    const owner = new Owner();
    owner.dispose();
    const late = owner.own(new Counter());
    assert.equal(late.count, 1);
  });

  it('disposes every one even when one throws, then throws the first error', () => {
    const after = new Counter();
    assert.throws(() => disposeAll([{ dispose: () => { throw new Error('first'); } }, { dispose: () => { throw new Error('second'); } }, after]), /first/);
    assert.equal(after.count, 1);
  });
});

describe('DisposableStore', () => {
  it('clear disposes what it holds and takes new items; dispose ends it', () => {
    const store = new DisposableStore();
    const old = store.add(new Counter());
    store.clear();
    assert.equal(old.count, 1);
    const next = store.add(new Counter());
    store.clear();
    store.clear();
    assert.deepEqual([old.count, next.count], [1, 1]);
    store.dispose();
    const late = store.add(new Counter());
    assert.equal(late.count, 1);
  });
});
