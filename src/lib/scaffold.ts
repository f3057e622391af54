import { stringify } from 'yaml';
import { neutralScore } from './emotion.ts';
import { suggestedPhaseLine } from './portfolio/phases.ts';

/** A lower-case, hyphenated, accent-free id from any title: "Città & Co." → "citta-co". */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'untitled'
  );
}

/** A YAML scalar for a value the author typed (quotes and escapes as YAML needs). */
function y(value: string | number): string {
  return stringify(value).trimEnd();
}

const isoToday = (today: Date) => today.toISOString().slice(0, 10);

export interface ScaffoldScale {
  min: number;
  max: number;
  labels: { score: number; label: string }[];
}

export function reportTemplate(options: {
  title: string;
  client: string;
  today: Date;
  locale: string;
  scale: ScaffoldScale;
}): string {
  return `# Report settings. Every field is described in docs/reference/content.md.
title: ${y(options.title)}
client: ${y(options.client)}
# Agency or person who wrote the report.
author: ${y('Your agency')}
date: ${isoToday(options.today)}
# Quote versions so YAML keeps them as text ("1.10", not 1.1).
version: "0.1"
# Language of the report (BCP 47), used for <html lang> and number formats.
locale: ${y(options.locale)}
summary: >-
  One paragraph that tells a stakeholder what this map shows and what it found.
# Scores of every touchpoint use this scale; -2..+2 works too. Neutral is the midpoint.
emotionScale:
  min: ${options.scale.min}
  max: ${options.scale.max}
  labels:
${options.scale.labels.map((l) => `    - { score: ${l.score}, label: ${y(l.label)} }`).join('\n')}
# A KPI short of its target by at most this share of the target is "at risk".
kpiTolerance: 0.1
# A KPI whose newest value is older than this many days is marked stale.
kpiStaleAfterDays: 45
# What the map is for.
objectives:
  - title: ${y('Understand the purchase journey')}
    # description: Why it matters.
    products: []
    segments: []
# The research the map is built on; touchpoints cite these ids in "evidence".
researchSources:
  - id: interviews
    title: Customer interviews
    # interviews | survey | web-analytics | social-listening | store-observation | email-analysis | usability-test | desk-research | other
    method: interviews
    # sampleSize: 12
    # period: March 2026
    # notes: Recruited among loyalty-club members.
# Lanes of the journey map, in order (a journey can set its own). All built-in lanes by default:
# touchpoints, doing, thinking, feeling, emotion, pain-points, opportunities, kpis, frontstage,
# visibility, backstage, support. A custom lane needs a label: { id: staff-mood, label: Staff mood }.
# canvas:
#   lanes: [touchpoints, doing, feeling, emotion, pain-points, opportunities]
`;
}

export function personaTemplate(options: { name: string }): string {
  return `---
name: ${y(options.name)}
# Role or segment, e.g. "Urban professional, 34".
role: ${y('Describe the segment')}
# A sentence in the persona's voice.
quote: ${y('What would they say about the problem?')}
# avatar: ./${slugify(options.name)}.jpg   # image next to this file
# avatarAlt: Portrait of ${options.name.replace(/[#:]/g, '')}
# Free facts: age, city, income...
demographics: {}
goals: []
needs: []
frustrations: []
motivations: []
# Channel ids: website, ecommerce, search, ads, social, reviews, email, app, chat, store,
# call-centre, event, delivery, word-of-mouth, or your own from channels.yaml.
preferredChannels: []
empathyMap:
  thinks: []
  feels: []
  sees: []
  hears: []
  says: []
  does: []
---

A short bio of ${options.name.replace(/[{}<>]/g, '')}: who they are, what they want, what gets in the way.
`;
}

export function journeyTemplate(options: {
  title: string;
  personas: string[];
  today: Date;
  improves?: string;
}): string {
  return `---
title: ${y(options.title)}
# Persona ids; the first is the main persona.
personas: [${options.personas.join(', ')}]
scenario: ${y('The situation the journey starts from.')}
# What the customer expects from the brand along the way.
expectations: []
${
  options.improves === undefined
    ? '# current | future\nstate: current\n'
    : `state: future\n# The current-state journey this one improves: its page compares the two.\nimproves: ${options.improves}\n`
}# research-online-purchase-offline | click-and-collect | try-in-store-buy-online | online-only | offline-only
# pattern: click-and-collect
lastReviewed: ${isoToday(options.today)}
# owner: Customer Experience team
# Lanes of this journey's map, replacing the report's choice.
# canvas:
#   lanes: [touchpoints, emotion, frontstage, visibility, backstage, support]
---

The story of this journey, in a few paragraphs.
`;
}

export function stageTemplate(options: {
  journey: string;
  name: string;
  order: number;
  customerGoal?: string;
  phase?: string;
  lifecycle?: { id: string }[];
}): string {
  // A phase copied from another stage is the author's; otherwise it is only suggested from the name.
  const phase =
    options.phase === undefined
      ? suggestedPhaseLine(options.name, options.lifecycle).line
      : `phase: ${options.phase}\n`;
  return `---
journey: ${options.journey}
# Position in the journey; unique within it.
order: ${options.order}
name: ${y(options.name)}
# Where the stage sits in the customer lifecycle (the report's lifecycle phases).
${phase}# What the customer wants to get done in this stage.
customerGoal: ${y(options.customerGoal ?? 'Describe the goal')}
# Journey-map text for the whole stage, by lane (doing, thinking, feeling, frontstage, backstage, support...).
# lanes:
#   backstage: One picking round a day, at 10 am.
---

What happens in this stage.
`;
}

export function touchpointTemplate(options: {
  journey: string;
  stage: string;
  title: string;
  channel: string;
  scale: { min: number; max: number };
}): string {
  return `---
journey: ${options.journey}
title: ${y(options.title)}
# Stage id (file name) within the journey.
stage: ${options.stage}
channel: ${options.channel}
# order: 1   # position within the stage
# What the customer does, thinks and feels here.
does: ${y('What the customer does')}
# thinks: What goes through their mind.
# feels: A verbatim quote.
# Service blueprint lanes of the journey map: a line or a list of short lines each.
# frontstage: What staff do in view of the customer.
# backstage: [What staff do out of view]
# support: Processes behind the touchpoint.
# systems: [Tools and systems involved]
# Score on the report's emotion scale, ${options.scale.min} to ${options.scale.max} (decimals allowed); ${neutralScore(options.scale)} is neutral.
emotion: ${neutralScore(options.scale)}
# Scores per persona id, when the journey has several personas.
emotionByPersona: {}
# A plain sentence, or { title, severity: low | medium | high, description }.
painPoints: []
# { title, customerValue: 1-5, businessValue: 1-5, effort: 1-5, owner, status: idea | planned | in-progress | done | dropped }
opportunities: []
# owner: E-commerce team
# { source: research source id, strength: asserted | evidenced | inferred, note }
evidence: []
momentOfTruth: false
---

Notes on this touchpoint.
`;
}

/** One KPI as a YAML list item (indented for a `kpis:` list), every field present or commented. */
export function kpiTemplate(options: { id: string; name: string; stage: string }): string {
  return `  - id: ${options.id}
    name: ${y(options.name)}
    # Stage id within this file's journey.
    stage: ${options.stage}
    definition: ${y('How the KPI is computed')}
    # %, a currency code such as EUR, s, min, days, or any word.
    unit: "%"
    # Latest value; may be left out when history has values.
    value: 0
    target: 0
    # higher-is-better | lower-is-better
    direction: higher-is-better
    # baseline: 0
    # period: Q1 2026
    # source: GA4
    # tolerance: 0.1   # overrides the report's kpiTolerance
    # staleAfterDays: 100   # overrides the report's kpiStaleAfterDays
    # history: [{ date: 2026-01-31, value: 0 }]
    history: []
`;
}

export function kpiListTemplate(options: { journey: string }): string {
  return `# KPIs of journey ${options.journey}; one list item per KPI.
journey: ${options.journey}
kpis:
`;
}
