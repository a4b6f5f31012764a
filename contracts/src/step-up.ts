import { z } from '@hono/zod-openapi';
import {
  changeProblemResponses,
  type Problem,
  ProblemError,
  problem,
  problemContent,
  problemResponses,
} from './problem.js';

/**
 * TOTP step-up (RFC 6238): a business unit may require it for its subtree; risky actions there
 * then ask for a code from the user's authenticator app, and a passed step-up holds for a few
 * minutes of the widget session it was passed in.
 */

/** Six digits, as authenticator apps show them. */
const totpCode = z
  .string()
  .regex(/^\d{6}$/, 'Six digits')
  .openapi({ example: '492039', description: 'The six digits the authenticator app shows now' });

/** As the enrolment shows them, `XXXXX-XXXXX`; case and the dash do not matter. */
const recoveryCode = z
  .string()
  .regex(/^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$/, 'Ten letters and digits, as the recovery code was shown')
  .openapi({ example: 'K7QXM-2DPLA', description: 'One of the recovery codes shown at enrolment; each works once' });

export const StepUpBody = z
  .strictObject({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    path: ['code'],
    message: 'Give either a code or a recovery code',
  })
  .openapi('StepUpBody');

export const ConfirmTotpEnrolmentBody = z.strictObject({ code: totpCode }).openapi('ConfirmTotpEnrolmentBody');

/** Starting an enrolment takes nothing: the secret is made on the server. */
export const StartTotpEnrolmentBody = z.strictObject({}).openapi('StartTotpEnrolmentBody');

const instant = z.string().openapi({ format: 'date-time' });

export const StepUpStatusSchema = z
  .object({
    required: z.boolean().openapi({ description: 'The acting unit, or a unit above it, requires TOTP' }),
    enrolled: z.boolean().openapi({ description: 'The user has a confirmed authenticator' }),
    stepUpUntil: instant.nullable().openapi({ description: 'Until when this session needs no new code' }),
    lockedUntil: instant.nullable().openapi({ description: 'Verification is locked until then after wrong codes' }),
    recoveryCodesLeft: z.number().int().min(0),
  })
  .openapi('StepUpStatus');

export const StepUpPassedSchema = z
  .object({ stepUpUntil: instant, recoveryCodesLeft: z.number().int().min(0) })
  .openapi('StepUpPassed');

export const TotpEnrolmentSchema = z
  .object({
    secret: z.string().openapi({ description: 'Base32, for typing into the app by hand', example: 'JBSWY3DPEHPK3PXP' }),
    uri: z.string().openapi({ description: 'The `otpauth://totp/…` URI the QR code holds' }),
    qrCode: z
      .object({
        size: z.number().int().min(21).openapi({ description: 'Modules per side, the quiet zone included' }),
        path: z.string().openapi({ description: 'SVG path data drawing the dark modules, one unit per module' }),
      })
      .openapi({ description: 'The QR code of `uri`, to draw as `<svg viewBox="0 0 size size"><path d=…>`' }),
  })
  .openapi('TotpEnrolment');

export const TotpEnrolledSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .openapi({ description: 'Shown this once; each passes one step-up without the app. Only hashes are kept.' }),
    stepUpUntil: instant,
  })
  .openapi('TotpEnrolled');

export const TotpPolicySchema = z
  .object({
    businessUnitId: z.uuid(),
    required: z.boolean().openapi({ description: 'This unit requires TOTP for its subtree' }),
    inherited: z.boolean().openapi({ description: 'A unit above requires it: it holds here whatever this unit says' }),
  })
  .openapi('TotpPolicy');

export const PutTotpPolicyBody = z.strictObject({ required: z.boolean() }).openapi('PutTotpPolicyBody');

/**
 * The problem a risky action answers without a fresh step-up (403, type `step-up-required`). Its
 * extension member `enrolled` tells the widget what to offer: a code prompt, or enrolment first.
 */
export function stepUpRequired(enrolled: boolean): ProblemError {
  const body: Problem & { enrolled: boolean } = {
    ...problem(
      'stepUpRequired',
      enrolled
        ? 'Confirm this with a code from your authenticator app'
        : 'This business unit requires two-step verification: set up an authenticator app first',
    ),
    enrolled,
  };
  return new ProblemError(body);
}

/** An OpenAPI 403 entry of a route that may ask for a step-up. */
export function stepUpRequiredResponse(description: string) {
  return problemContent(
    `${description}. Type \`step-up-required\`: pass \`POST /step-up\` and retry; its boolean member \`enrolled\` ` +
      'false means the user must enrol an authenticator first.',
  );
}

/** OpenAPI entries of a risky change: a role too low, or a step-up the unit requires. */
export const riskyChangeProblemResponses = {
  ...changeProblemResponses,
  403: stepUpRequiredResponse(
    'The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up',
  ),
} as const;

/** The answers of a code check: wrong or used code (400 naming the field), none enrolled (409), locked (429). */
export const codeCheckProblemResponses = {
  ...problemResponses,
  400: problemContent('Invalid input, or a wrong or already used code (named as `body.code` or `body.recoveryCode`)'),
  409: problemContent('No authenticator (or enrolment) to check the code against'),
  429: {
    ...problemContent('Too many wrong codes: verification is locked; `Retry-After` says for how long'),
    headers: z.object({ 'Retry-After': z.string().openapi({ description: 'Seconds until the lock ends' }) }),
  },
} as const;
