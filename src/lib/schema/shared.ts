import { z } from 'astro/zod';

/** Lower-case words joined by hyphens: the form every id and reference takes (`click-collect`). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens, e.g. "store-visit"');

/** A calendar date written as YYYY-MM-DD (YAML may already have parsed it into a Date). */
export const dateSchema = z.coerce.date();

/** Non-empty text. */
export const textSchema = z.string().trim().min(1, 'must not be empty');

/** A list of short texts; absent means empty. */
export const textListSchema = z.array(textSchema).default([]);

/** Versions such as `1.2` are often parsed by YAML as numbers: keep them as text. */
export const versionSchema = z.union([z.string(), z.number()]).transform(String);
