export { CSRF_HEADER, createDemoHostApp, type DemoHostApp, type DemoHostOptions, SESSION_COOKIE } from './app.js';
export { type DemoPersona, demoPersonas } from './personas.js';
export { type RunningStack, type StackOptions, startStack } from './stack.js';
