// A hidden form field that people leave empty and form-filling robots fill in: the
// public forms' defence against automated submissions without a CAPTCHA service
// (docs/product.md#responding-to-a-case). The web app renders it off-screen, out of the
// tab order and hidden from assistive technology; a request with it filled in is
// answered exactly like a real one, and nothing is stored or mailed.
import { z } from 'zod';

/** The name of the field in a request body and in the form. */
export const HONEYPOT_FIELD = 'website';

/** The field's schema: optional, bounded like every request string. */
export const honeypot = () => z.string().max(200).optional().describe('laat leeg: alleen robots vullen dit verborgen veld in');

/** Whether the field was filled in, so the request came from a robot. */
export const caughtInHoneypot = (value: string | undefined | null): boolean => typeof value === 'string' && value.trim() !== '';
