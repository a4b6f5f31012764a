export { CSRF_HEADER, createDemoHostApp, type DemoHostApp, type DemoHostOptions, SESSION_COOKIE } from './app.js';
export { type PersonaRecord, personaRecords } from './personas.js';
