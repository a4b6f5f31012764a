export { type RunningStack, type StackOptions, startStack } from './stack.js';
