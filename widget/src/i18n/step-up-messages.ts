import { resolveLocale } from './index.js';

/** Strings of two-step verification (TOTP). They come with its chunk, which loads when first needed. */
export interface StepUpMessages {
  title: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  recoveryLabel: string;
  recoveryHint: string;
  useRecovery: string;
  useCode: string;
  confirm: string;
  cancel: string;
  wrongCode: string;
  wrongRecoveryCode: string;
  lockedOut: (minutes: number) => string;
  /** Why a risky action was not done when the prompt was closed. */
  cancelled: string;
  enrolTitle: string;
  enrolIntro: string;
  qrLabel: string;
  secretLabel: string;
  firstCodeLabel: string;
  enrol: string;
  recoveryTitle: string;
  recoveryIntro: string;
  recoverySaved: string;
  policyRequire: string;
  policyInherited: string;
  saved: string;
  save: string;
  yourAuthenticator: string;
  enrolled: (recoveryCodesLeft: number) => string;
  notEnrolled: string;
  enrolAgain: string;
}

export const enStepUp: StepUpMessages = {
  title: 'Confirm with a code',
  intro: 'This action needs two-step verification. Enter the code your authenticator app shows.',
  codeLabel: 'Code from your authenticator app',
  codeHint: 'Six digits',
  recoveryLabel: 'Recovery code',
  recoveryHint: 'Each recovery code works once.',
  useRecovery: 'Use a recovery code instead',
  useCode: 'Use the code from the app instead',
  confirm: 'Confirm',
  cancel: 'Cancel',
  wrongCode: 'This code is wrong or was used already: wait for the next one.',
  wrongRecoveryCode: 'This recovery code is wrong or was used already.',
  lockedOut: (minutes) => `Too many wrong codes. Try again in ${minutes} min.`,
  cancelled: 'Not done: this action needs a code from your authenticator app.',
  enrolTitle: 'Set up two-step verification',
  enrolIntro: 'Scan the QR code with an authenticator app, or type the key into it. Then enter the code the app shows.',
  qrLabel: 'QR code for your authenticator app',
  secretLabel: 'Key to type in',
  firstCodeLabel: 'Code the app shows now',
  enrol: 'Set up',
  recoveryTitle: 'Your recovery codes',
  recoveryIntro: 'Keep these codes safe: each works once instead of the app. They are shown only now.',
  recoverySaved: 'I have saved them',
  policyRequire: 'Require two-step verification for risky actions here and below',
  policyInherited: 'A unit above requires it, so it holds here too.',
  saved: 'Saved.',
  save: 'Save',
  yourAuthenticator: 'Your authenticator app',
  enrolled: (left) => `Set up; ${left} recovery ${left === 1 ? 'code' : 'codes'} left.`,
  notEnrolled: 'Not set up yet.',
  enrolAgain: 'Set up a new one',
};

export const deStepUp: StepUpMessages = {
  title: 'Mit einem Code bestätigen',
  intro: 'Diese Aktion braucht die Bestätigung in zwei Schritten. Geben Sie den Code aus Ihrer Authenticator-App ein.',
  codeLabel: 'Code aus Ihrer Authenticator-App',
  codeHint: 'Sechs Ziffern',
  recoveryLabel: 'Wiederherstellungscode',
  recoveryHint: 'Jeder Wiederherstellungscode gilt einmal.',
  useRecovery: 'Stattdessen einen Wiederherstellungscode verwenden',
  useCode: 'Stattdessen den Code aus der App verwenden',
  confirm: 'Bestätigen',
  cancel: 'Abbrechen',
  wrongCode: 'Dieser Code ist falsch oder schon verwendet: Warten Sie auf den nächsten.',
  wrongRecoveryCode: 'Dieser Wiederherstellungscode ist falsch oder wurde schon verwendet.',
  lockedOut: (minutes) => `Zu viele falsche Codes. Versuchen Sie es in ${minutes} Min. erneut.`,
  cancelled: 'Nicht ausgeführt: Diese Aktion braucht einen Code aus Ihrer Authenticator-App.',
  enrolTitle: 'Bestätigung in zwei Schritten einrichten',
  enrolIntro:
    'Scannen Sie den QR-Code mit einer Authenticator-App oder tippen Sie den Schlüssel ein. Geben Sie dann den Code ein, den die App zeigt.',
  qrLabel: 'QR-Code für Ihre Authenticator-App',
  secretLabel: 'Schlüssel zum Eintippen',
  firstCodeLabel: 'Code, den die App jetzt zeigt',
  enrol: 'Einrichten',
  recoveryTitle: 'Ihre Wiederherstellungscodes',
  recoveryIntro: 'Bewahren Sie diese Codes sicher auf: Jeder gilt einmal statt der App. Nur jetzt angezeigt.',
  recoverySaved: 'Ich habe sie gespeichert',
  policyRequire: 'Bestätigung in zwei Schritten für heikle Aktionen hier und darunter verlangen',
  policyInherited: 'Eine übergeordnete Einheit verlangt sie, also gilt sie auch hier.',
  saved: 'Gespeichert.',
  save: 'Speichern',
  yourAuthenticator: 'Ihre Authenticator-App',
  enrolled: (left) =>
    `Eingerichtet; noch ${left} ${left === 1 ? 'Wiederherstellungscode' : 'Wiederherstellungscodes'}.`,
  notEnrolled: 'Noch nicht eingerichtet.',
  enrolAgain: 'Neu einrichten',
};

const catalog = new Map<string, StepUpMessages>([
  ['en', enStepUp],
  ['de', deStepUp],
]);

/** Adds or replaces the two-step verification strings of a locale registered with `registerLocale`. */
export function registerStepUpLocale(tag: string, messages: StepUpMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

/** The locale's two-step verification strings (English for a locale without). */
export function stepUpMessagesFor(locale?: string | null): StepUpMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enStepUp;
}
