import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../kernel/dates.js';
import { formatMoney } from '../../kernel/format.js';
import { canonicalContent, contentHash, type DossierData, dossierBlocks } from './model.js';
import { sampleDossier } from './sample.js';
import { describeCommitmentChange, describeEvent } from './timeline.js';

const textOf = (d: DossierData) => dossierBlocks(d).map((b) => (b.label ? `${b.label}: ${b.text}` : b.text));

describe('the dossier content', () => {
  it('has every section of the dossier, in order', () => {
    const sections = dossierBlocks(sampleDossier())
      .filter((b) => b.kind === 'section')
      .map((b) => b.text);
    expect(sections).toEqual(['1. De zaak', '2. Het plan van aanpak', '3. De integrale toets', '4. Toezeggingen', '5. Tijdlijn']);
  });

  it('names the case, the plan, the rules cited, the overrule with its mandate, the late objection and the commitments', () => {
    const text = textOf(sampleDossier());
    expect(text).toContain('Kenmerk: VB-2026-000001');
    expect(text).toContain('Initiatiefnemer: Henk van Dijk (Autospuiterij Van Dijk B.V.)');
    expect(text).toContain('Versie: 2 (overeengekomen)');
    expect(text).toContain('Akkoord initiatiefnemer: Henk van Dijk, 11 maart 2026, 16:30');
    expect(text).toContain('2. Toets aan het omgevingsplan — eigenaar: Ruimtelijke ordening; uiterlijk 1 april 2026; status: open');
    expect(text).toContain('Regel: OP-4.12 — Bedrijfsactiviteiten tot categorie 2 (Omgevingsplan artikel 4.12)');
    expect(text).toContain('Hoe het wel kan: Met een omgevingsvergunning voor een buitenplanse activiteit kan wonen op de verdieping wél.');
    expect(text.some((t) => t.startsWith('Op grond van mandaat: Erik Meijer (wethouder Economie): bezwaren overrulen in het domein fysiek domein'))).toBe(true);
    expect(text).toContain('Bezwaar van Ruimtelijke ordening (ronde 1, overruled door Erik Meijer (wethouder Economie)): OP-4.12');
    expect(text).toContain('Economische zaken: ja door stilzwijgen');
    expect(text.some((t) => t.startsWith('Regel: BB-BRAND') && t.endsWith('strikt: geldt zoals hij er staat'))).toBe(true);
    expect(text.some((t) => t.startsWith('Vergunningen en handhaving (ronde 1)') && t.endsWith('terzijde gelegd'))).toBe(true);
    expect(text).toContain('Besluit: geld toezeggen: € 12.500,00');
    expect(text).toContain('Status: bindend');
    expect(text).toContain('Status: nagekomen');
    expect(text).toContain('2 februari 2026, 09:30 — Henk van Dijk: Ingediend via website');
    expect(text).toContain('3 februari 2026, 10:00 — Sanne Jansen: Notitie: Eerst langs in de Marktstraat. (intern)');
  });

  it('shows how each objection was resolved, or that it stands (docs/product.md#a-standing-objection)', () => {
    const d = sampleDossier();
    const [first] = d.assessment.outcome.objections;
    if (!first) throw new Error('the sample has an objection');
    const plain = { ...first.answer, overrule: null };
    const objections = [
      {
        ...first,
        party: 'Milieu',
        answer: { ...plain, withdrawal: { reason: 'Filter geplaatst', by: 'Wouter Mulder', at: '2026-03-05T10:00:00.000Z' } },
        resolution: { by: 'withdrawn' as const, byName: 'Wouter Mulder' },
      },
      { ...first, party: 'Erfgoed', answer: plain, resolution: { by: 'newRound' as const, roundNumber: 2 } },
      { ...first, party: 'Brandweer', answer: plain, resolution: null },
    ];
    const text = textOf({ ...d, assessment: { ...d.assessment, outcome: { ...d.assessment.outcome, objections } } });
    expect(text).toContain('Bezwaar van Milieu (ronde 1, opgelost: ingetrokken door Wouter Mulder): OP-4.12');
    expect(text).toContain('Bezwaar van Erfgoed (ronde 1, opgelost door ronde 2: de partij maakt geen bezwaar meer): OP-4.12');
    expect(text).toContain('Bezwaar van Brandweer (ronde 1, staat): OP-4.12');
  });

  it('says so when there is no plan, no round and no commitment yet', () => {
    const d = { ...sampleDossier(), plan: null, assessment: { rounds: [], outcome: { conditions: [], objections: [] }, lateObjections: [] }, commitments: [] };
    const text = textOf(d);
    expect(text).toContain('Er is nog geen plan van aanpak opgesteld.');
    expect(text).toContain('Er is nog geen toetsronde gehouden.');
    expect(text).toContain('Er zijn geen toezeggingen vastgelegd.');
  });
});

describe('the timeline in the dossier', () => {
  it('names an outside party that answered through its link, and Regie for what a job did', () => {
    const d = sampleDossier();
    d.timeline = [
      {
        at: '2026-03-20T10:00:00.000Z',
        actor: null,
        type: 'assessment.answered',
        visibility: 'internal',
        payload: { roundId: 'r', partyId: 'p', partyName: 'Brandweer Regio', kind: 'yes', amendment: false, ruleCodes: [] },
      },
      {
        at: '2026-03-21T10:00:00.000Z',
        actor: null,
        type: 'assessment.silence',
        visibility: 'shared',
        payload: { roundId: 'r', number: 1, asOf: '2026-03-20', parties: [{ id: 'q', name: 'Economische zaken' }] },
      },
    ];
    const lines = textOf(d).filter((l) => l.startsWith('20 maart') || l.startsWith('21 maart'));
    expect(lines[0]).toMatch(/ — Brandweer Regio: /);
    expect(lines[1]).toMatch(/ — Regie: /);
  });
});

describe('the content hash', () => {
  it('is a SHA-256 in hex, the same for the same data', () => {
    const h = contentHash(sampleDossier());
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(structuredClone(sampleDossier()))).toBe(h);
    expect(contentHash(JSON.parse(JSON.stringify(sampleDossier())))).toBe(h);
  });

  it('changes when any commitment status changes', () => {
    const base = contentHash(sampleDossier());
    const seen = new Set([base]);
    for (const i of [0, 1]) {
      for (const status of ['binding', 'needsConfirmation', 'declined', 'kept', 'broken', 'withdrawn']) {
        const d = sampleDossier();
        const c = d.commitments[i];
        if (!c || c.status === status) continue;
        c.status = status;
        const h = contentHash(d);
        expect(h, `commitment ${i} → ${status}`).not.toBe(base);
        seen.add(h);
      }
    }
    // every variant is distinct: the status itself is in the content, not just "changed"
    expect(seen.size).toBe(1 + 2 * 5);
  });

  it('changes with a status reason, a cited rule, an overrule or a timeline entry', () => {
    const base = contentHash(sampleDossier());
    const variants: ((d: DossierData) => void)[] = [
      (d) => {
        const c = d.commitments[1];
        if (c) c.statusReason = 'Gesprek gehad op 20 maart';
      },
      (d) => {
        const rule = d.assessment.rounds[0]?.parties[0]?.answer?.rules[0];
        if (rule) rule.code = 'OP-4.13';
      },
      (d) => {
        const a = d.assessment.rounds[0]?.parties[0]?.answer;
        if (a) a.overrule = null;
      },
      (d) => {
        d.timeline.push({
          at: '2026-03-20T10:00:00.000Z',
          actor: 'Sanne Jansen',
          type: 'note.added',
          visibility: 'shared',
          payload: { text: 'Gesprek gehad.' },
        });
      },
    ];
    for (const change of variants) {
      const d = sampleDossier();
      change(d);
      expect(contentHash(d)).not.toBe(base);
    }
  });

  it('covers a canonical form with one unambiguous line per block', () => {
    const d = sampleDossier();
    d.case.description = 'Regel één\nRegel twee';
    const blocks = dossierBlocks(d);
    const lines = canonicalContent(blocks).split('\n');
    expect(lines).toHaveLength(blocks.length);
    expect(lines).toContain(JSON.stringify(['field', 'Omschrijving', 'Regel één\nRegel twee']));
    // NFC: a decomposed "é" hashes like the composed one
    const composed = sampleDossier();
    composed.case.title = 'Café';
    const decomposed = sampleDossier();
    decomposed.case.title = 'Cafe\u0301';
    expect(contentHash(decomposed)).toBe(contentHash(composed));
  });
});

describe('Dutch formatting', () => {
  it.each([
    ['2026-03-02', '2 maart 2026'],
    ['2026-12-31', '31 december 2026'],
  ])('date %s → %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  it.each([
    ['2026-03-02T09:00:00Z', '2 maart 2026, 10:00'], // winter time, UTC+1
    ['2026-07-01T08:00:00Z', '1 juli 2026, 10:00'], // summer time, UTC+2
    ['2026-03-01T23:30:00Z', '2 maart 2026, 00:30'], // already the next day in the Netherlands
  ])('time %s → %s (Europe/Amsterdam)', (iso, text) => expect(formatDateTime(iso)).toBe(text));

  it.each([
    [2_500_000, '€ 25.000,00'],
    [1_250_050, '€ 12.500,50'],
    [99, '€ 0,99'],
  ])('money %i cents → %s', (cents, text) => expect(formatMoney(cents)).toBe(text));

  it.each([
    [{ type: 'recorded', status: 'binding', mandateIds: ['m1'] }, 'vastgelegd als bindend (binnen mandaat)'],
    [{ type: 'recorded', status: 'needsConfirmation', mandateIds: [] }, 'vastgelegd als wacht op bevestiging'],
    [
      { type: 'amended', changes: { dueOn: { from: '2026-05-01', to: '2026-06-01' } }, reason: 'Offerte later binnen' },
      'gewijzigd (uiterlijk van 1 mei 2026 naar 1 juni 2026): Offerte later binnen',
    ],
    [{ type: 'declined', reason: 'Past niet in de begroting' }, 'niet bevestigd: Past niet in de begroting'],
    [{ type: 'broken', reason: 'Geen budget meer' }, 'niet nagekomen: Geen budget meer'],
    [{ type: 'kept', reason: null }, 'nagekomen'],
  ])('commitment history %j → %s', (change, text) => expect(describeCommitmentChange(change)).toBe(text));

  it('describes an event type it does not know by its type, and a known one in Dutch', () => {
    expect(describeEvent('case.confirmed', {})).toBe('Bevestigd door de aanvrager via de link in de e-mail');
    expect(describeEvent('future.thing', {})).toBe('Gebeurtenis future.thing');
    expect(describeEvent('case.statusChanged', { from: 'planning', to: 'executing', reason: null, planDueOn: null })).toBe(
      'Status van plan in voorbereiding naar in uitvoering',
    );
  });

  it('names the mandates a plan was agreed under (docs/product.md#agreeing-a-plan-within-mandate)', () => {
    expect(describeEvent('plan.agreed', { planId: 'p', version: 2, by: 'director', complete: true, mandateIds: ['m-1', 'm-2'] })).toBe(
      'Akkoord met plan versie 2 door de case-regisseur binnen mandaat (mandaten m-1, m-2); het plan is overeengekomen',
    );
    expect(describeEvent('plan.agreed', { planId: 'p', version: 1, by: 'initiator', complete: false })).toBe(
      'Akkoord met plan versie 1 door de initiatiefnemer',
    );
  });
});

describe('the attachments section (docs/product.md#attachments)', () => {
  const file = {
    on: 'intake' as const,
    fileName: 'Tekening terras.pdf',
    mediaType: 'application/pdf',
    size: 1331,
    sha256: 'a'.repeat(64),
    uploadedAt: '2026-03-02T08:00:00.000Z',
  };

  it('is left out for a case without files: the same blocks and hash as before', () => {
    const before = sampleDossier();
    expect(dossierBlocks({ ...before, attachments: [] })).toEqual(dossierBlocks(before));
    expect(contentHash({ ...before, attachments: [] })).toBe(contentHash(before));
  });

  it('lists each file with its type, size, what it hangs on and its SHA-256, and the hash covers them', () => {
    const d = {
      ...sampleDossier(),
      attachments: [file, { ...file, on: 'answer' as const, fileName: 'advies.png', mediaType: 'image/png', sha256: 'b'.repeat(64) }],
    };
    const blocks = dossierBlocks(d);
    const at = blocks.findIndex((x) => x.kind === 'section' && x.text.endsWith('Bijlagen'));
    expect(blocks.slice(at + 1).map((x) => x.text)).toEqual([
      `Tekening terras.pdf (application/pdf, 1331 bytes), bij de aanvraag, ${formatDateTime(file.uploadedAt)}`,
      `SHA-256: ${'a'.repeat(64)}`,
      `advies.png (image/png, 1331 bytes), bij het antwoord van een afdeling, ${formatDateTime(file.uploadedAt)}`,
      `SHA-256: ${'b'.repeat(64)}`,
    ]);
    expect(contentHash(d)).not.toBe(contentHash({ ...d, attachments: [{ ...file, sha256: 'c'.repeat(64) }, d.attachments[1] as typeof file] }));
  });
});
