// Every listener owned: a long-lived class extends Disposable and keeps what
// it subscribes to with `_register`, so disposing it ends all of them (as
// vscode-markdown-languageservice's src/util/dispose.ts does). What lives
// shorter than its owner (a watcher replaced when a setting changes) goes
// into a DisposableStore that is cleared then.

import type * as vscode from 'vscode';

/** Disposes each, even when one throws; the first error is thrown after all are done. */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  let failure: unknown;
  for (const d of disposables) {
    try {
      d.dispose();
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure !== undefined) throw failure;
}

export abstract class Disposable implements vscode.Disposable {
  private disposed = false;
  private readonly registered: vscode.Disposable[] = [];

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.registered.splice(0));
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Keeps `value` until this is disposed (disposed at once when this already is). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.registered.push(value);
    return value;
  }

  /** `_register` for each. */
  protected _registerAll(...values: vscode.Disposable[]): void {
    for (const value of values) this._register(value);
  }
}

/** A set of disposables that can be cleared (disposed) and filled again. */
export class DisposableStore implements vscode.Disposable {
  private readonly items = new Set<vscode.Disposable>();
  private disposed = false;

  add<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.items.add(value);
    return value;
  }

  /** Disposes everything held; the store takes new items after. */
  clear(): void {
    const items = [...this.items];
    this.items.clear();
    disposeAll(items);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}
