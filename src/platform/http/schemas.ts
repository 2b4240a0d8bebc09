// Request and response schemas shared by every module's routes.
import { z } from 'zod';
import { LOCALES } from '../i18n.js';

/**
 * A calendar day, YYYY-MM-DD, and a real one (not 2026-02-30): the API's one date
 * format. A wrong value answers 400 with our own words (error.isoDate, server.ts).
 */
export const IsoDate = z.iso.date();

/** The language of the interface and of mail: Dutch or English. */
export const LocaleSchema = z.enum(LOCALES);
