import { isCset82, lotCodeProblem, suggestedLotCode, type LotCodeProblem } from '@nguon/shared';

export interface LotCodeCheck {
  problem: LotCodeProblem | null;
  /** The characters GS1 does not allow, each once (a space shown as ␣). */
  badCharacters: string[];
  /** A valid lot code made from the text, offered when the text has spaces or diacritics. */
  suggestion: string | null;
}

/** The lot code as typed, checked with the shared GS1 rules. */
export function checkLotCode(text: string): LotCodeCheck {
  const problem = lotCodeProblem(text);
  const badCharacters = [...new Set([...text].filter((char) => !isCset82(char)))].map((char) => (char === ' ' ? '␣' : char));
  return { problem, badCharacters, suggestion: suggestedLotCode(text) };
}
