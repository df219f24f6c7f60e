/**
 * The analyzer the QA tests run: the engine's real `analyzeConversation` when it exists, else the interim
 * implementation next to this file (same interface), so the pipeline tests run either way.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ANALYZER } from '../../../src/qa/run.ts';
import type { AnalyzeConversation, AnalyzerSpec } from '../../../src/qa/types.ts';

export const analyzerSpec: AnalyzerSpec = existsSync(fileURLToPath(DEFAULT_ANALYZER.module))
  ? DEFAULT_ANALYZER
  : { module: new URL('./interim-analyzer.ts', import.meta.url).href, exportName: 'analyzeConversation' };

export async function loadAnalyzer(): Promise<AnalyzeConversation> {
  return ((await import(analyzerSpec.module)) as Record<string, AnalyzeConversation>)[analyzerSpec.exportName];
}
