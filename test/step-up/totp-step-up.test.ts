import { auditEvents, businessUnits, operationRequests, totpCredentials } from '@scc/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../support/authenticator.js';
import { type BffHarness, createBffHarness, expectProblem, widgetRequest } from '../support/bff-harness.js';
import { ManualClock } from '../support/clock.js';
import { personaByKey, personaUserId, seededBusinessUnit, seedId } from '../support/seed-model.js';

/**
 * TOTP step-up through the whole path (BFF → cockpit → database), with the cockpit's clock in the
 * test's hand: codes are computed the way an authenticator app computes them, for the instant
 * the cockpit believes it is.
 */
const casey = personaByKey('customer-admin');
const elliot = personaByKey('customer-one-admin');
const riley = personaByKey('reseller-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const south = seededBusinessUnit('contoso/south');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');
const customerOne = seededBusinessUnit('customer-one');

const STEP_UP_REQUIRED = 'https://scc.example/problems/step-up-required';
const STEP_SECONDS = 30;

const clock = new ManualClock();
let h: BffHarness;
beforeAll(async () => {
  h = await createBffHarness({ clock });
});
afterAll(async () => {
  await h?.close();
});

const call = (token: string, method: string, path: string, body?: unknown) =>
  widgetRequest(h.app, method, path, token, body);

const session = (persona: { email: string }, unit: { id: string }) => h.openSession(h.mspHost, persona.email, unit.id);

const putBrand = (token: string, unitId: string, displayName: string) =>
  call(token, 'PUT', `/business-units/${unitId}/brand`, { brand: { displayName } });

const ownBrandName = async (unitId: string) => {
  const [row] = await h.database.handle.db
    .select({ brand: businessUnits.brand })
    .from(businessUnits)
    .where(eq(businessUnits.id, unitId));
  return row?.brand?.displayName;
};

async function expectStepUpRequired(res: Response, enrolled: boolean) {
  const body = await expectProblem(res, 403);
  expect(body.type).toBe(STEP_UP_REQUIRED);
  expect((body as unknown as { enrolled: boolean }).enrolled).toBe(enrolled);
}

/** A code the app does not show now, one step before or after: what a guess or a typo sends. */
function wrongCode(secret: string): string {
  const valid = [-1, 0, 1].map((step) => totpCode(secret, new Date(clock.now().getTime() + step * 30_000)));
  let guess = 0;
  while (valid.includes(String(guess).padStart(6, '0'))) guess++;
  return String(guess).padStart(6, '0');
}

/** The next time step: the code shown now is new to the cockpit. */
const nextStep = () => clock.advance(STEP_SECONDS * 1000);

async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await call(token, 'POST', '/step-up/enrolment', {});
  expect(started.status, await started.clone().text()).toBe(201);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await call(token, 'POST', '/step-up/enrolment/confirm', { code: totpCode(secret, clock.now()) });
  expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  return { secret, recoveryCodes };
}

async function stepUp(token: string, secret: string) {
  nextStep();
  const res = await call(token, 'POST', '/step-up', { code: totpCode(secret, clock.now()) });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await h.database.handle.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
    .orderBy(auditEvents.occurredAt);
  return rows.map((r) => r.action);
}

/** The test's own steps share one database; each `describe` uses its own persona's authenticator. */
describe('a unit’s TOTP requirement', () => {
  it('is set by an admin of the unit, holds for the subtree, and cannot be loosened below', async () => {
    const token = await session(casey, contoso);
    const set = await call(token, 'PUT', `/business-units/${contoso.id}/totp-policy`, { required: true });
    expect(set.status, await set.clone().text()).toBe(200);
    expect(await set.json()).toEqual({ businessUnitId: contoso.id, required: true, inherited: false });
    const below = await call(token, 'GET', `/business-units/${north.id}/totp-policy`);
    expect(await below.json()).toEqual({ businessUnitId: north.id, required: false, inherited: true });

    // Saying "not required" below is itself a risky action there now, and would loosen nothing.
    await expectStepUpRequired(
      await call(token, 'PUT', `/business-units/${north.id}/totp-policy`, { required: false }),
      false,
    );
    expect(await auditActions(personaUserId(casey))).toContain('totp.policy-changed');
  });

  it('may be read but not set by a user who is no admin', async () => {
    const token = await session(dana, finance);
    const read = await call(token, 'GET', `/business-units/${finance.id}/totp-policy`);
    expect(await read.json()).toEqual({ businessUnitId: finance.id, required: false, inherited: true });
    const refused = await expectProblem(
      await call(token, 'PUT', `/business-units/${finance.id}/totp-policy`, { required: true }),
      403,
    );
    expect(refused.type).toBe('https://scc.example/problems/forbidden');
  });

  it('applies to whoever acts in that subtree, and not outside it', async () => {
    const token = await session(riley, seededBusinessUnit('reseller-one'));
    expect((await putBrand(token, fabrikam.id, 'Fabrikam')).status).toBe(200);
    await expectStepUpRequired(await putBrand(token, contoso.id, 'Contoso by Riley'), false);
  });
});

describe('enrolment', () => {
  let token: string;
  let secret: string;
  let recoveryCodes: string[];

  it('asks a user who has no authenticator to enrol first, and writes nothing', async () => {
    token = await session(casey, contoso);
    const before = await ownBrandName(contoso.id);
    await expectStepUpRequired(await putBrand(token, contoso.id, 'Contoso without TOTP'), false);
    expect(await ownBrandName(contoso.id)).toBe(before);
  });

  it('gives a secret as text and as a QR code, kept encrypted until a first code confirms it', async () => {
    const res = await call(token, 'POST', '/step-up/enrolment', {});
    expect(res.status).toBe(201);
    const enrolment = (await res.json()) as { secret: string; uri: string; qrCode: { size: number; path: string } };
    secret = enrolment.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Service Control Center');
    expect(decodeURIComponent(uri.pathname)).toContain(casey.email);
    expect(enrolment.qrCode.size).toBeGreaterThanOrEqual(21);
    expect(enrolment.qrCode.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);

    const [stored] = await h.database.handle.db
      .select()
      .from(totpCredentials)
      .where(eq(totpCredentials.userId, personaUserId(casey)));
    expect(stored?.secret).toBeNull();
    expect(stored?.pendingSecret).toMatch(/^v1\./);
    expect(stored?.pendingSecret).not.toContain(secret);

    const status = await (await call(token, 'GET', '/step-up')).json();
    expect(status).toMatchObject({ required: true, enrolled: false, stepUpUntil: null });
  });

  it('refuses a wrong first code, naming the field', async () => {
    const body = await expectProblem(
      await call(token, 'POST', '/step-up/enrolment/confirm', { code: wrongCode(secret) }),
      400,
    );
    expect(body.errors?.map((e) => e.field)).toEqual(['body.code']);
  });

  it('is confirmed with a first code: ten recovery codes, shown this once, and the session has stepped up', async () => {
    const res = await call(token, 'POST', '/step-up/enrolment/confirm', { code: totpCode(secret, clock.now()) });
    expect(res.status, await res.clone().text()).toBe(200);
    const enrolled = (await res.json()) as { recoveryCodes: string[]; stepUpUntil: string };
    recoveryCodes = enrolled.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(new Date(enrolled.stepUpUntil).getTime()).toBe(clock.now().getTime() + 300_000);

    const [stored] = await h.database.handle.db
      .select()
      .from(totpCredentials)
      .where(eq(totpCredentials.userId, personaUserId(casey)));
    expect(stored?.pendingSecret).toBeNull();
    expect(stored?.secret).toMatch(/^v1\./);
    expect(stored?.secret).not.toContain(secret);
    expect(stored?.recoveryCodeHashes).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(stored?.recoveryCodeHashes.join(' ')).not.toContain(code.replace('-', ''));
    }
    const status = await (await call(token, 'GET', '/step-up')).json();
    expect(status).toMatchObject({ required: true, enrolled: true, recoveryCodesLeft: 10, lockedUntil: null });

    expect((await putBrand(token, contoso.id, 'Contoso, stepped up')).status).toBe(200);
    expect(await ownBrandName(contoso.id)).toBe('Contoso, stepped up');
    expect(await auditActions(personaUserId(casey))).toEqual(
      expect.arrayContaining(['step-up.failed', 'totp.enrolled', 'business-unit.updated']),
    );
  });

  it('of a new authenticator needs a step-up with the one in use, which stays until the new one is confirmed', async () => {
    const other = await session(casey, contoso);
    await expectStepUpRequired(await call(other, 'POST', '/step-up/enrolment', {}), true);
    await stepUp(other, secret);
    expect((await call(other, 'POST', '/step-up/enrolment', {})).status).toBe(201);
    // Not confirmed: the authenticator in use still passes a step-up.
    await stepUp(await session(casey, contoso), secret);
  });

  describe('then a step-up', () => {
    it('lasts a few minutes of its session', async () => {
      clock.advance(301_000);
      await expectStepUpRequired(await putBrand(token, contoso.id, 'Contoso, later'), true);
      await stepUp(token, secret);
      expect((await putBrand(token, contoso.id, 'Contoso, later')).status).toBe(200);
    });

    it('belongs to the session that passed it: a new session steps up anew', async () => {
      const fresh = await session(casey, contoso);
      await expectStepUpRequired(await putBrand(fresh, contoso.id, 'Contoso, new session'), true);
      expect(await ownBrandName(contoso.id)).toBe('Contoso, later');
    });

    it('refuses a code once used, in the same session or another (replay)', async () => {
      nextStep();
      const code = totpCode(secret, clock.now());
      expect((await call(token, 'POST', '/step-up', { code })).status).toBe(200);
      const again = await expectProblem(await call(token, 'POST', '/step-up', { code }), 400);
      expect(again.errors?.map((e) => e.field)).toEqual(['body.code']);
      await expectProblem(await call(await session(casey, contoso), 'POST', '/step-up', { code }), 400);
      // The code of the step before is still within the window, but older than the one used.
      const earlier = totpCode(secret, new Date(clock.now().getTime() - STEP_SECONDS * 1000));
      await expectProblem(await call(token, 'POST', '/step-up', { code: earlier }), 400);
    });

    it('is asked for by every risky action of the subtree, and by nothing else', async () => {
      const fresh = await session(casey, contoso);
      const requestsBefore = await h.database.handle.db.$count(operationRequests);
      const productive = seedId('tenant', 'contoso-finance-backup');
      const decommission = (tenantId: string) =>
        widgetRequest(
          h.app,
          'POST',
          '/operation-requests',
          fresh,
          { kind: 'decommission', tenantId },
          {
            'idempotency-key': crypto.randomUUID(),
          },
        );
      const terminate = () => decommission(productive);
      const move = () => call(fresh, 'POST', `/business-units/${south.id}/move`, { newParentId: north.id });
      const grant = () =>
        call(fresh, 'POST', '/role-assignments', {
          userId: personaUserId(dana),
          businessUnitId: north.id,
          role: 'viewer',
        });

      await expectStepUpRequired(await terminate(), true);
      await expectStepUpRequired(await move(), true);
      await expectStepUpRequired(await grant(), true);
      expect(await h.database.handle.db.$count(operationRequests)).toBe(requestsBefore);
      // Reads, and terminating a tenant that is not productive, ask for nothing.
      expect((await call(fresh, 'GET', '/tenants')).status).toBe(200);
      const testTenant = await decommission(seedId('tenant', 'contoso-erp-test'));
      expect(testTenant.status, await testTenant.clone().text()).toBe(202);

      await stepUp(fresh, secret);
      expect((await terminate()).status).toBe(202);
      expect((await move()).status).toBe(200);
      expect((await grant()).status).toBe(201);
    });
  });
});

describe('wrong codes', () => {
  let secret: string;
  let recoveryCodes: string[];

  it('lock verification after five in a row: 429 with Retry-After, even for the right code, until the lock ends', async () => {
    const token = await session(elliot, customerOne);
    ({ secret, recoveryCodes } = await enrol(token));
    nextStep();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expectProblem(await call(token, 'POST', '/step-up', { code: wrongCode(secret) }), 400);
    }
    const locked = await call(token, 'POST', '/step-up', { code: wrongCode(secret) });
    const body = await expectProblem(locked, 429);
    expect(body.type).toBe('https://scc.example/problems/too-many-requests');
    expect(locked.headers.get('retry-after')).toBe('300');

    clock.advance(120_000);
    const stillLocked = await call(token, 'POST', '/step-up', { code: totpCode(secret, clock.now()) });
    await expectProblem(stillLocked, 429);
    expect(stillLocked.headers.get('retry-after')).toBe('180');
    // The lock is the user's, not the session's.
    await expectProblem(
      await call(await session(elliot, customerOne), 'POST', '/step-up', { code: totpCode(secret, clock.now()) }),
      429,
    );
    const status = await (await call(token, 'GET', '/step-up')).json();
    expect(status).toMatchObject({ lockedUntil: new Date(clock.now().getTime() + 180_000).toISOString() });

    clock.advance(180_000);
    expect((await call(token, 'POST', '/step-up', { code: totpCode(secret, clock.now()) })).status).toBe(200);
    const actions = await auditActions(personaUserId(elliot));
    expect(actions.filter((a) => a === 'step-up.failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'step-up.locked-out')).toHaveLength(1);
    expect(actions.at(-1)).toBe('step-up.passed');
  });

  it('are forgiven by a right one: the count starts again', async () => {
    const token = await session(elliot, customerOne);
    nextStep();
    for (let round = 0; round < 2; round++) {
      for (let attempt = 1; attempt <= 4; attempt++) {
        await expectProblem(await call(token, 'POST', '/step-up', { code: wrongCode(secret) }), 400);
      }
      nextStep();
      expect((await call(token, 'POST', '/step-up', { code: totpCode(secret, clock.now()) })).status).toBe(200);
    }
  });

  it('leave a recovery code working, once', async () => {
    const token = await session(elliot, customerOne);
    const [first, second] = recoveryCodes;
    const used = await call(token, 'POST', '/step-up', { recoveryCode: first });
    expect(used.status).toBe(200);
    expect(await used.json()).toMatchObject({ recoveryCodesLeft: 9 });
    const again = await expectProblem(
      await call(await session(elliot, customerOne), 'POST', '/step-up', { recoveryCode: first }),
      400,
    );
    expect(again.errors?.map((e) => e.field)).toEqual(['body.recoveryCode']);
    // Typed in lower case and without its dash, as people do.
    const typed = second?.replace('-', '').toLowerCase();
    const other = await call(await session(elliot, customerOne), 'POST', '/step-up', { recoveryCode: typed });
    expect(await other.json()).toMatchObject({ recoveryCodesLeft: 8 });
    const actions = await auditActions(personaUserId(elliot));
    expect(actions.filter((a) => a === 'totp.recovery-code-used')).toHaveLength(2);
  });

  it('are refused as bad input when the body is not a code', async () => {
    const token = await session(elliot, customerOne);
    for (const body of [{}, { code: '12345' }, { code: '123456', recoveryCode: 'AAAAA-BBBBB' }, { code: 123456 }]) {
      await expectProblem(await call(token, 'POST', '/step-up', body), 400);
    }
    const [row] = await h.database.handle.db
      .select({ failedAttempts: totpCredentials.failedAttempts })
      .from(totpCredentials)
      .where(and(eq(totpCredentials.userId, personaUserId(elliot))));
    expect(row?.failedAttempts).toBe(0);
  });
});
