export interface GlossaryEntry {
  cn: string;
  tw: string;
  note: string;
}
export type Catalog = Record<string, string>;

export const paths: { source: string; glossary: string; target: string };
export function openccToTaiwan(text: string): string;
export function taiwanQuotes(text: string): string;
export function createConverter(glossary: GlossaryEntry[]): (text: string) => string;
export function convertCatalog(catalog: Catalog, glossary: GlossaryEntry[]): Catalog;
export function readJson(file: string): unknown;
export function generateZhTw(): Catalog;
export function serialize(catalog: Catalog): string;
