// Minimal typings for the mocha globals @web/test-runner provides in the browser.
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: MochaContext, done: MochaDone) => unknown;
type MochaAsyncFn = (this: MochaContext) => unknown;
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}
declare function describe(title: string, fn: (this: MochaContext) => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaAsyncFn): void;
declare function after(fn: MochaAsyncFn): void;
declare function beforeEach(fn: MochaAsyncFn): void;
declare function afterEach(fn: MochaAsyncFn): void;
